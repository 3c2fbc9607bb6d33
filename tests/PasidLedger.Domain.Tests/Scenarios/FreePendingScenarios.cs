using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Lookups;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 "Free", after S23: S25, S26, S28 and R10 (no new references while parked).</summary>
public sealed class FreePendingScenarios
{
    [Fact]
    public void S25_GetAfterFree_IsEbusy_ForEveryGetter_AndRefsStayTwo()
    {
        var pool = Given(S23());

        pool.When(Get(1, "X", VA)).ThenRejected(RejectionReason.FreePending, Errno.EBUSY);
        pool.When(Get(1, "Z", null)).ThenRejected(RejectionReason.FreePending, Errno.EBUSY);
        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenRejected(RejectionReason.FreePending, Errno.EBUSY);
        pool.State.Find(1)!.Refs.ShouldBe(2);
    }

    [Fact]
    public void S25_FindBySpidWithGet_OnFreePending_ReturnsInvalid_AndTakesNoReference()
    {
        var pool = Given(S23());

        pool.When(new AcquireRefBySpid(VA, 101, "VDCM")).ThenIgnored(RejectionReason.FreePending).ThenReply(new SpidResolved(null));
        pool.State.Find(1)!.Refs.ShouldBe(2);
    }

    [Fact]
    public void S26_FreeCompletedByPuts_ReclaimsSilently_ThenFreeAndPutAreIgnored()
    {
        var pool = Given(S23());

        pool.When(Put(1, "X", VA)).Then(new RefReleased(1, 1, "X", 1)).ThenReply(new RefsChanged(1, 1, false));
        pool.When(Put(1, "Y", VA))
            .Then(new RefReleased(1, 1, "Y", 0), new IoasidReclaimed(1, 1, VA))
            .ThenReply(new RefsChanged(1, 0, true))
            .ThenNothingNotified();
        pool.State.Sets[VA].Count.ShouldBe(0);
        pool.State.Sets[VA].IdsBySpid.ShouldBeEmpty();

        pool.When(Free(1, VA)).ThenIgnored(RejectionReason.UnknownId);
        pool.When(Put(1, "Y", VA)).ThenIgnored(RejectionReason.UnknownId).ThenReply(new RefsChanged(1, 0, false));
    }

    [Fact]
    public void S28_FindDuringFreePending_StillReturnsThePrivateData_UntilDetached()
    {
        var pool = Given(S23(data: "p"));

        Find(pool.State, VA, 1).ShouldBe(("p", Errno.None));
        Find(pool.State, null, 1).ShouldBe(("p", Errno.None));
        pool.When(new DetachPrivate(1)).Then(new PrivateDetached(1, 1));
        Find(pool.State, VA, 1).ShouldBe((null, Errno.None));
    }

    [Fact]
    public void S28_Find_OfAnUnknownId_IsEnoent_AndThroughAnotherSet_IsEacces()
    {
        var pool = Given(S23(data: "p")).And(WithVB());

        Find(pool.State, VA, 42).ShouldBe((null, Errno.ENOENT));
        Find(pool.State, VB, 1).ShouldBe((null, Errno.EACCES));
    }

    [Fact]
    public void S25_GetIfOwned_ChecksTheOwnerBeforeFreePending_SoAStrangerSeesEperm()
    {
        Given(S23()).When(new AcquireRefIfOwned(1, "uapi", "B")).ThenRejected(RejectionReason.NotOwner, Errno.EPERM);
    }
}
