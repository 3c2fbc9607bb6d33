using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 "References": S17, S19, S20 and the owner/holder checks of get, put and get_if_owned (2.3).</summary>
public sealed class ReferenceScenarios
{
    [Fact]
    public void S17_GetAndPut_CountEveryCall_AndMoveBetweenIdleAndActive()
    {
        var pool = Given(F1()).And(Alloc(VA));

        pool.When(Get(1, "X", VA)).Then(new RefAcquired(1, 1, "X", 2)).ThenReply(new RefsChanged(1, 2, false));
        pool.State.Find(1)!.State.ShouldBe(IoasidState.Active);
        pool.When(Get(1, "Y", null)).Then(new RefAcquired(1, 1, "Y", 3)).ThenReply(new RefsChanged(1, 3, false));
        pool.When(Put(1, "X", VA)).Then(new RefReleased(1, 1, "X", 2)).ThenReply(new RefsChanged(1, 2, false));
        pool.When(Put(1, "Y", null)).Then(new RefReleased(1, 1, "Y", 1)).ThenReply(new RefsChanged(1, 1, false));
        pool.State.Find(1)!.State.ShouldBe(IoasidState.Idle);
    }

    [Fact]
    public void S19_GetOnAnUnknownId_IsEinval()
    {
        Given(F1()).When(Get(42, "X", VA)).ThenRejected(RejectionReason.UnknownId, Errno.EINVAL);
    }

    [Fact]
    public void S20_PutOnIdle_ReclaimsSilently_AndTheSetStaysLive()
    {
        var step = Given(F1()).And(Alloc(VA))
            .When(Put(1, Ioasid.CoreHolder, VA))
            .Then(new RefReleased(1, 1, Ioasid.CoreHolder, 0), new IoasidReclaimed(1, 1, VA))
            .ThenReply(new RefsChanged(1, 0, true))
            .ThenNothingNotified();

        step.State.Find(1).ShouldBeNull();
        step.State.Sets[VA].Count.ShouldBe(0);
        step.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Live);
        step.When(Alloc(VA)).ThenReply(new IoasidGranted(1, 2));
    }

    [Fact]
    public void S20_V4Literal_AutoDestroyWhenEmpty_DestroysTheSetAtTheSilentReclaim()
    {
        var pool = Given(F1(new PoolOptions(AutoDestroyWhenEmpty: true))).And(Alloc(VA));

        pool.When(Put(1, Ioasid.CoreHolder, VA))
            .Then(
                new RefReleased(1, 1, Ioasid.CoreHolder, 0),
                new IoasidReclaimed(1, 1, VA),
                new SetDestroyed(VA, "last member reclaimed", 8, Ioasid.DefaultCapacity),
                new NotifierDeactivated(NotifierK, VA),
                new NotifierDeactivated(NotifierD, VA))
            .ThenNothingNotified();
        pool.When(Alloc(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
    }

    [Fact]
    public void Get_WithAnotherSet_IsEacces_WhilePut_WithAnotherSet_IsIgnoredAsFalse()
    {
        var pool = Given(F1()).And(WithVB()).And(Alloc(VA));

        pool.When(Get(1, "X", VB)).ThenRejected(RejectionReason.NotOwner, Errno.EACCES);
        pool.When(Put(1, Ioasid.CoreHolder, VB)).ThenIgnored(RejectionReason.NotOwner).ThenReply(new RefsChanged(1, 1, false));
        pool.State.Find(1)!.Refs.ShouldBe(1);
    }

    [Fact]
    public void Put_ByAHolderThatHoldsNothing_IsNotHolder_AndRefsStay()
    {
        var pool = Given(F1()).And(Alloc(VA), Get(1, "X", VA));

        pool.When(Put(1, "KVM", VA)).ThenRejected(RejectionReason.NotHolder, Errno.EINVAL);
        pool.State.Find(1)!.Refs.ShouldBe(2);
    }

    [Fact]
    public void Put_OnAnUnknownId_ReturnsFalse_AsIgnoredUnknownId()
    {
        Given(F1()).When(Put(9, "X", null)).ThenIgnored(RejectionReason.UnknownId).ThenReply(new RefsChanged(9, 0, false));
    }

    [Fact]
    public void GetIfOwned_ChecksExistence_SetType_ThenTheCallersMm()
    {
        var pool = Given(F1()).And(new CreateSet(SetType.Null, null, 4), Alloc(VA), Alloc(1));

        pool.When(new AcquireRefIfOwned(9, "uapi", "A")).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);
        pool.When(new AcquireRefIfOwned(2, "uapi", "A")).ThenRejected(RejectionReason.NotMmSet, Errno.EINVAL);
        pool.When(new AcquireRefIfOwned(1, "uapi", "B")).ThenRejected(RejectionReason.NotOwner, Errno.EPERM);
        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).Then(new RefAcquired(1, 1, "uapi", 2));
    }
}
