using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Notices;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 "Free": S22, S23, level sensitivity (T11, R20) and the owner check (D12).</summary>
public sealed class FreeScenarios
{
    [Fact]
    public void S22_FreeWhenIdle_ReclaimsAtOnce_WithoutFreeNotification()
    {
        var step = Given(F1()).And(Alloc(VA))
            .When(Free(1, VA))
            .Then(new FreeRequested(1, 1, VA, 0), new IoasidReclaimed(1, 1, VA))
            .ThenReply(new FreeOutcome(FreeResult.Reclaimed))
            .ThenNothingNotified();

        step.State.Find(1).ShouldBeNull();
        step.State.Sets[VA].Count.ShouldBe(0);
    }

    [Fact]
    public void S23_FreeOnActive_GoesFreePending_AndNotifiesGlobalChainFirst()
    {
        var step = Given(ActiveWithSpid())
            .When(Free(1, VA))
            .Then(
                new FreeRequested(1, 1, VA, 2),
                Published(NotificationKind.Free, 1, 101, VA, NotifyFlags.All | NotifyFlags.Set, ["I", "K", "D"]))
            .ThenReply(new FreeOutcome(FreeResult.FreePending))
            .ThenNotified("I:FREE(1,101)", "K:FREE(1,101)", "D:FREE(1,101)");

        var record = step.State.Find(1).ShouldNotBeNull();
        record.State.ShouldBe(IoasidState.FreePending);
        record.Refs.ShouldBe(2);
        record.Holders.CountOf(Ioasid.CoreHolder).ShouldBe(0);
        step.State.Sets[VA].Count.ShouldBe(1);
    }

    [Fact]
    public void FreeTwice_BeforeReclaim_IsIgnored_AndSendsNoSecondFree()
    {
        Given(S23())
            .When(Free(1, VA)).ThenIgnored(RejectionReason.FreePending).ThenReply(new FreeOutcome(FreeResult.Ignored))
            .State.Find(1)!.Refs.ShouldBe(2);
    }

    [Fact]
    public void Free_ByANonOwnerSet_OrTheNullSet_IsIgnoredAsNotOwner()
    {
        var pool = Given(F1()).And(WithVB()).And(Alloc(VA));

        pool.When(Free(1, VB)).ThenIgnored(RejectionReason.NotOwner).ThenReply(new FreeOutcome(FreeResult.Ignored));
        pool.When(Free(1, null)).ThenIgnored(RejectionReason.NotOwner).ThenReply(new FreeOutcome(FreeResult.Ignored));
        pool.State.Find(1)!.State.ShouldBe(IoasidState.Idle);
    }

    [Fact]
    public void Free_OfAnUnknownId_IsIgnoredAsUnknownId()
    {
        Given(F1()).When(Free(5, VA)).ThenIgnored(RejectionReason.UnknownId).ThenReply(new FreeOutcome(FreeResult.Ignored));
    }

    [Fact]
    public void Free_AfterTheOwnerPutItsAllocationReference_ParksOnTheRemainingHolders()
    {
        // SVA style (DOMAIN.md 2.3 put notes): the allocation owner released through put, another holder remains.
        Given(F1()).And(Alloc(VA), Get(1, "X", VA), Put(1, Ioasid.CoreHolder, VA))
            .When(Free(1, VA))
            .Then(
                new FreeRequested(1, 1, VA, 1),
                Published(NotificationKind.Free, 1, Ioasid.Invalid, VA, NotifyFlags.All | NotifyFlags.Set, ["I", "K", "D"]))
            .State.Find(1)!.Holders.CountOf("X").ShouldBe(1);
    }

    [Fact]
    public void FreePayload_CarriesTheCurrentSpidAndPrivateData()
    {
        Given(ActiveWithSpid(data: "rec"))
            .When(Free(1, VA))
            .Then(
                new FreeRequested(1, 1, VA, 2),
                Published(NotificationKind.Free, 1, 101, VA, NotifyFlags.All | NotifyFlags.Set, ["I", "K", "D"], data: "rec"));
    }
}
