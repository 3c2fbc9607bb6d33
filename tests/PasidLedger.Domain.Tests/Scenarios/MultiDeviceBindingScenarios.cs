using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Tests.Support;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 S54: the IOMMU's first-bind / last-unbind aggregation keeps BIND and UNBIND level-sensitive (4.7).</summary>
public sealed class MultiDeviceBindingScenarios
{
    [Fact]
    public void S54_SeveralDevices_GiveOneBindAndOneUnbind_WhileTheIommuHoldsExactlyOneReference()
    {
        var pool = Given(F2()).And(Alloc(VA));

        // Bind dev1: first device → attach_spid (BIND), attach_data, the IOMMU's single reference.
        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenNothingNotified();
        pool.When(new AttachSpid(1, 101)).ThenNotified("KVM:BIND(1,101)", "VDCM:BIND(1,101)");
        pool.And(new AttachPrivate(1, "rec"), Get(1, "IOMMU", null), Put(1, "uapi", null));
        IommuReferences(pool).ShouldBe(1);

        // Bind dev2 and unbind dev1: the record exists and other devices remain, so nothing is published.
        foreach (var device in new[] { "bind dev2", "unbind dev1" })
        {
            pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenNothingNotified();
            pool.When(Put(1, "uapi", null)).ThenNothingNotified();
            IommuReferences(pool).ShouldBe(1, device);
        }

        // Unbind dev2: last device → detach_spid (UNBIND) before the IOMMU's put (R11).
        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenNothingNotified();
        pool.When(new DetachSpid(1)).ThenNotified("KVM:UNBIND(1,101)", "VDCM:UNBIND(1,101)");
        IommuReferences(pool).ShouldBe(1);
        pool.And(new DetachPrivate(1), Put(1, "IOMMU", null), Put(1, "uapi", null));

        IommuReferences(pool).ShouldBe(0);
        pool.State.Find(1)!.Refs.ShouldBe(1);
        Notices.Delivered(pool.History).ShouldBe(
        [
            "KVM:ALLOC(1,INV)", "VDCM:ALLOC(1,INV)",
            "KVM:BIND(1,101)", "VDCM:BIND(1,101)",
            "KVM:UNBIND(1,101)", "VDCM:UNBIND(1,101)",
        ]);
    }

    private static int IommuReferences(Scenario pool) => pool.State.Find(1)!.Holders.CountOf("IOMMU");
}
