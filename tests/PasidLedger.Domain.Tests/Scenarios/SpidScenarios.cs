using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Lookups;
using static PasidLedger.Domain.Tests.Support.Notices;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 "SPID (BIND and UNBIND)": S30, S32, S34, S35.</summary>
public sealed class SpidScenarios
{
    [Fact]
    public void S30_AttachSpid_EmitsBindOnTheSetChainOnly_AndFindBySpidResolvesIt()
    {
        var step = Given(F1()).And(Alloc(VA))
            .When(new AttachSpid(1, 101))
            .Then(
                new SpidAttached(1, 1, VA, 101),
                Published(NotificationKind.Bind, 1, 101, VA, NotifyFlags.Set, ["K", "D"]))
            .ThenReply(Acknowledged.Instance)
            .ThenNotified("K:BIND(1,101)", "D:BIND(1,101)");

        FindBySpid(step.State, VA, 101).ShouldBe(1u);
        step.State.Find(1)!.Refs.ShouldBe(1);
    }

    [Fact]
    public void S32_SpidArgumentErrors_InvalidSpidIsEinval_UnknownIdIsEnoent()
    {
        var pool = Given(F1()).And(Alloc(VA));

        pool.When(new AttachSpid(1, Ioasid.Invalid)).ThenRejected(RejectionReason.SpidInvalid, Errno.EINVAL);
        pool.When(new AttachSpid(99, 5)).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);
    }

    [Fact]
    public void S34_DetachSpid_SendsExactlyOneUnbindCarryingTheSpid_AndLookupFailsAfterwards()
    {
        var pool = Given(F1()).And(Alloc(VA), new AttachSpid(1, 101));

        pool.When(new DetachSpid(1))
            .Then(
                Published(NotificationKind.Unbind, 1, 101, VA, NotifyFlags.Set, ["K", "D"]),
                new SpidDetached(1, 1, VA, 101))
            .ThenNotified("K:UNBIND(1,101)", "D:UNBIND(1,101)");
        pool.State.Find(1)!.Spid.ShouldBe(Ioasid.Invalid);

        pool.When(new DetachSpid(1)).ThenIgnored(RejectionReason.NoSpid);
        FindBySpid(pool.State, VA, 101).ShouldBeNull();
        FindBySpid(pool.State, VA, Ioasid.Invalid).ShouldBeNull();

        pool.When(new AttachSpid(1, 101)).ThenNotified("K:BIND(1,101)", "D:BIND(1,101)");
    }

    [Fact]
    public void S34_DetachSpid_OfAnUnknownId_IsIgnored()
    {
        Given(F1()).When(new DetachSpid(99)).ThenIgnored(RejectionReason.UnknownId);
    }

    [Fact]
    public void S35_FindBySpidWithGet_TakesAReference_OnlyInTheOwningSet()
    {
        var pool = Given(F1()).And(Alloc(VA), new AttachSpid(1, 101)).And(WithVB());

        pool.When(new AcquireRefBySpid(VA, 101, "VDCM"))
            .Then(new RefAcquired(1, 1, "VDCM", 2))
            .ThenReply(new SpidResolved(1));
        pool.State.Find(1)!.State.ShouldBe(IoasidState.Active);

        pool.When(new AcquireRefBySpid(VB, 101, "VDCM")).ThenIgnored(RejectionReason.SpidNotFound).ThenReply(new SpidResolved(null));
        pool.State.Find(1)!.Refs.ShouldBe(2);
    }

    [Fact]
    public void S35_FindBySpidWithGet_OnADestroyedSet_ReturnsInvalid()
    {
        Given(F1()).And(new FreeSet(VA))
            .When(new AcquireRefBySpid(VA, 101, "VDCM")).ThenIgnored(RejectionReason.SetInvalid).ThenReply(new SpidResolved(null));
    }
}
