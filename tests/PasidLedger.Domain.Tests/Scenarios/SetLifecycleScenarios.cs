using PasidLedger.Domain.Commands;
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

/// <summary>DOMAIN.md 9 set life cycle: S40, S42 (with S41 written out), S62's release, LIVE → CLOSING → DESTROYED (3.5).</summary>
public sealed class SetLifecycleScenarios
{
    private static readonly NotifyFlags AllAndSet = NotifyFlags.All | NotifyFlags.Set;

    [Fact]
    public void S40_SetFree_WhilePasidsAreLive_IsEbusy_AndSucceedsOnceTheSetIsEmpty()
    {
        var pool = Given(F1()).And(Alloc(VA));

        pool.When(new FreeSet(VA)).ThenRejected(RejectionReason.SetBusy, Errno.EBUSY);
        pool.When(Free(1, VA)).Then(new FreeRequested(1, 1, VA, 0), new IoasidReclaimed(1, 1, VA));
        pool.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Live);

        pool.When(new FreeSet(VA))
            .Then(
                new SetDestroyed(VA, "set_free", 8, Ioasid.DefaultCapacity),
                new NotifierDeactivated(NotifierK, VA),
                new NotifierDeactivated(NotifierD, VA))
            .ThenReply(Acknowledged.Instance);
    }

    [Fact]
    public void S40_V4Literal_AutoDestroyWhenEmpty_DestroysAtReclaim_SoSetFreeIsEinval()
    {
        var pool = Given(F1(new PoolOptions(AutoDestroyWhenEmpty: true))).And(Alloc(VA));

        pool.When(new FreeSet(VA)).ThenRejected(RejectionReason.SetBusy, Errno.EBUSY);
        pool.When(Free(1, VA)).Then(
            new FreeRequested(1, 1, VA, 0),
            new IoasidReclaimed(1, 1, VA),
            new SetDestroyed(VA, "last member reclaimed", 8, Ioasid.DefaultCapacity),
            new NotifierDeactivated(NotifierK, VA),
            new NotifierDeactivated(NotifierD, VA));
        pool.When(new FreeSet(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
    }

    [Fact]
    public void S42_OwnerCloseWithHoldersPresent_GoesClosing_AndIsDestroyedAtTheLastReclaim()
    {
        // S41 (not given in DOMAIN.md): ID 1 IDLE, ID 2 with one get (refs 2), ID 3 with two gets (refs 3).
        var pool = Given(F1()).And(Alloc(VA), Alloc(VA), Alloc(VA), Get(2, "X", VA), Get(3, "X", VA), Get(3, "Y", VA));

        pool.When(new ReleaseSet(VA))
            .Then(
                new FreeRequested(1, 1, VA, 0),
                new IoasidReclaimed(1, 1, VA),
                new FreeRequested(2, 1, VA, 1),
                Published(NotificationKind.Free, 2, Ioasid.Invalid, VA, AllAndSet, ["I", "K", "D"]),
                new FreeRequested(3, 1, VA, 2),
                Published(NotificationKind.Free, 3, Ioasid.Invalid, VA, AllAndSet, ["I", "K", "D"]),
                new SetClosing(VA, 2))
            .ThenReply(new SetReleased(VA, SetLifecycle.Closing, 1, 2));
        pool.State.Sets[VA].Count.ShouldBe(2);

        pool.When(Alloc(VA)).ThenRejected(RejectionReason.SetClosing, Errno.EINVAL);
        pool.When(Put(2, "X", VA)).Then(new RefReleased(2, 1, "X", 0), new IoasidReclaimed(2, 1, VA));
        pool.State.Sets[VA].Count.ShouldBe(1);
        pool.When(Put(3, "X", VA)).Then(new RefReleased(3, 1, "X", 1));
        pool.When(Put(3, "Y", VA)).Then(
            new RefReleased(3, 1, "Y", 0),
            new IoasidReclaimed(3, 1, VA),
            new SetDestroyed(VA, "last member reclaimed", 8, Ioasid.DefaultCapacity),
            new NotifierDeactivated(NotifierK, VA),
            new NotifierDeactivated(NotifierD, VA));

        pool.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Destroyed);
        pool.State.Available.ShouldBe(Ioasid.DefaultCapacity);
        pool.State.PendingList.ShouldAllBe(n => !n.Active);
    }

    [Fact]
    public void S62_ReleaseWithOutstandingIds_ReclaimsIdleSilently_ParksReferencedOnes_UntilKvmPuts()
    {
        var pool = Given(F1()).And(Alloc(VA), Alloc(VA), Get(2, "K", VA));

        pool.When(new ReleaseSet(VA))
            .ThenNotified("I:FREE(2,INV)", "K:FREE(2,INV)", "D:FREE(2,INV)")
            .ThenReply(new SetReleased(VA, SetLifecycle.Closing, 1, 1));
        pool.State.Find(1).ShouldBeNull();
        pool.State.Find(2)!.State.ShouldBe(IoasidState.FreePending);

        pool.When(Put(2, "K", VA)).ThenNothingNotified();
        pool.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Destroyed);
        pool.State.PendingList.ShouldAllBe(n => !n.Active);
    }

    [Fact]
    public void ReleaseSet_OfAnEmptySet_DestroysItAtOnce()
    {
        Given(F1())
            .When(new ReleaseSet(VA))
            .Then(
                new SetDestroyed(VA, "released", 8, Ioasid.DefaultCapacity),
                new NotifierDeactivated(NotifierK, VA),
                new NotifierDeactivated(NotifierD, VA))
            .ThenReply(new SetReleased(VA, SetLifecycle.Destroyed, 0, 0));
    }

    [Fact]
    public void FreeAllInSet_FreesEveryMember_ButTheSetStaysLive_WithParkedMembersVisible()
    {
        var pool = Given(F1()).And(Alloc(VA), Alloc(VA), Get(2, "X", VA));

        pool.When(new FreeAllInSet(VA))
            .ThenNotified("I:FREE(2,INV)", "K:FREE(2,INV)", "D:FREE(2,INV)")
            .ThenReply(new SetFreedAll(VA, 1, 1));
        pool.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Live);
        pool.State.Sets[VA].Members.ShouldBe([2u]);
        pool.When(Alloc(VA)).ThenReply(new IoasidGranted(1, 2));
    }

    [Fact]
    public void ReleaseAfterAnIndividualFree_SendsNoSecondFree_ForTheParkedMember()
    {
        Given(S23())
            .When(new ReleaseSet(VA))
            .Then(new SetClosing(VA, 1))
            .ThenReply(new SetReleased(VA, SetLifecycle.Closing, 0, 0));
    }
}
