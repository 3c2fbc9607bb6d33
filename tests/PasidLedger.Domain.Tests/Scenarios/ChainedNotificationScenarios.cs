using PasidLedger.Domain.Commands;
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

/// <summary>DOMAIN.md 9 S45: no chained notifications inside an atomic handler (4.6, R12); the deferred path works.</summary>
public sealed class ChainedNotificationScenarios
{
    private static PoolCommand[] GivenWithTester(ReactionAction onFree) =>
    [
        .. F1(),
        RegisterGlobal("T", Priority.Cpu, new Reaction(NotificationKind.Free, onFree)),
        Alloc(VA),
        new AttachSpid(1, 101),
        Get(1, "X", VA),
    ];

    [Fact]
    public void S45_InlineDetachSpidInAFreeHandler_IsRejectedAsChainedNotification_AndFreeStillCompletes()
    {
        var step = Given(GivenWithTester(ReactionAction.DetachSpid))
            .When(Free(1, VA))
            .Then(
                new FreeRequested(1, 1, VA, 1),
                Published(NotificationKind.Free, 1, 101, VA, NotifyFlags.All | NotifyFlags.Set, ["T", "I", "K", "D"]))
            .ThenNotified("T:FREE(1,101)", "I:FREE(1,101)", "K:FREE(1,101)", "D:FREE(1,101)");

        var refused = step.Decision.ReactionRejections.ShouldHaveSingleItem();
        refused.ShouldSatisfyAllConditions(
            () => (refused.Notifier, refused.On, refused.Action, refused.Id).ShouldBe(("T", NotificationKind.Free, ReactionAction.DetachSpid, 1u)),
            () => refused.Rejection.Reason.ShouldBe(RejectionReason.ChainedNotification),
            () => refused.Rejection.Errno.ShouldBe(Errno.EDEADLK));
        var record = step.State.Find(1).ShouldNotBeNull();
        (record.State, record.Refs, record.Spid).ShouldBe((IoasidState.FreePending, 1, 101u));
    }

    [Fact]
    public void S45_QueuingWorkInsteadIsAccepted_AndTheWorkSendsUnbindAfterFreeReturns()
    {
        var step = Given(GivenWithTester(ReactionAction.QueueWork)).When(Free(1, VA));

        step.Decision.ReactionRejections.ShouldBeEmpty();
        step.Notifications.ShouldBe(["T:FREE(1,101)", "I:FREE(1,101)", "K:FREE(1,101)", "D:FREE(1,101)"]);
        step.Events.OfType<SpidDetached>().ShouldBeEmpty();
        var work = step.Events[^1].ShouldBeOfType<WorkQueued>();
        (work.By, work.Id, work.Cause).ShouldBe(("T", (uint?)1, (NotificationKind?)NotificationKind.Free));
        step.State.Work.ShouldHaveSingleItem().WorkId.ShouldBe(work.WorkId);

        step.When(new DetachSpid(1)).ThenNotified("K:UNBIND(1,101)", "D:UNBIND(1,101)");
        step.When(new CompleteWork(work.WorkId)).Then(new WorkCompleted(work.WorkId));
        step.State.Work.ShouldBeEmpty();
        step.State.Find(1)!.Spid.ShouldBe(Ioasid.Invalid);
    }

    [Theory]
    [InlineData(ReactionAction.DetachSpid)]
    [InlineData(ReactionAction.DetachData)]
    [InlineData(ReactionAction.Free)]
    public void S45_EveryNotifyingOrSleepingInlineReaction_IsChainedNotification_AndNotApplied(ReactionAction action)
    {
        var step = Given(F1()).And(RegisterMm("T", "B", Priority.Last, new Reaction(NotificationKind.Alloc, action)))
            .And(new CreateSet(SetType.Mm, "B", 4))
            .When(Alloc(1, data: "p"))
            .ThenNotified("T:ALLOC(1,INV)");

        step.Decision.ReactionRejections.ShouldHaveSingleItem().Rejection.Reason.ShouldBe(RejectionReason.ChainedNotification);
        step.Events.Count.ShouldBe(2);
        var record = step.State.Find(1).ShouldNotBeNull();
        (record.Refs, record.Private, record.FreeRequested).ShouldBe((1, "p", false));
    }

    [Fact]
    public void GetLockedInsideAFreeHandler_IsRefused_SoRefsNeverGrowWhileFreePending()
    {
        var step = Given(F1()).And(RegisterGlobal("T", Priority.Cpu, new Reaction(NotificationKind.Free, ReactionAction.Get)))
            .And(Alloc(VA), Get(1, "X", VA))
            .When(Free(1, VA));

        var refused = step.Decision.ReactionRejections.ShouldHaveSingleItem();
        (refused.Rejection.Reason, refused.Rejection.Errno).ShouldBe((RejectionReason.FreePending, Errno.EBUSY));
        step.Events.OfType<RefAcquired>().ShouldBeEmpty();
        step.State.Find(1)!.Refs.ShouldBe(1);
    }
}
