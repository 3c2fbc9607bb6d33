using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Notices;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>
/// DOMAIN.md 5.7/5.8 on F2, as S62's release: the owner goes away before unbinding; the set is
/// CLOSING until the IOMMU's ordered cleanup drops the last reference (R11, R13).
/// </summary>
public sealed class OwnerExitScenarios
{
    [Fact]
    public void ReleaseBeforeUnbind_KeepsTheSetClosing_SoTheCleanupUnbindStillReachesKvm_ThenTheLastPutDestroysIt()
    {
        var pool = Given(F2()).And(GuestSteps4To8);

        pool.When(new ReleaseSet(VA))
            .ThenNotified("IOMMU:FREE(1,101)", "KVM:FREE(1,101)", "VDCM:FREE(1,101)")
            .ThenReply(new SetReleased(VA, SetLifecycle.Closing, 0, 1));
        var w1 = pool.State.Work.ShouldHaveSingleItem().WorkId;

        // W1, V4 order: detach_spid (UNBIND while the set and its chain exist), detach_data, then put.
        pool.When(new DetachSpid(1)).ThenNotified("KVM:UNBIND(1,101)", "VDCM:UNBIND(1,101)");
        pool.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Closing);
        pool.When(new DetachPrivate(1)).Then(new PrivateDetached(1, 1));
        pool.When(Put(1, "IOMMU", null)).Then(
            new RefReleased(1, 1, "IOMMU", 0),
            new IoasidReclaimed(1, 1, VA),
            new SetDestroyed(VA, "last member reclaimed", 0, Ioasid.DefaultCapacity),
            new NotifierDeactivated(2, VA),
            new NotifierDeactivated(3, VA));
        pool.When(new CompleteWork(w1)).Then(new WorkCompleted(w1));

        pool.State.PendingList.ShouldAllBe(n => !n.Active);
        pool.When(new CreateSet(SetType.Mm, "A", 0)).ThenNothingNotified();
    }

    [Fact]
    public void UnbindPayload_CarriesTheSpid_AndThePrivateDataStillAttached()
    {
        Given(F1()).And(Alloc(VA, data: "rec"), new AttachSpid(1, 101))
            .When(new DetachSpid(1))
            .Then(
                Published(NotificationKind.Unbind, 1, 101, VA, NotifyFlags.Set, ["K", "D"], data: "rec"),
                new SpidDetached(1, 1, VA, 101));
    }
}
