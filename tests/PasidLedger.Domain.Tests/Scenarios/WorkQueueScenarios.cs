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

/// <summary>DOMAIN.md 9 S46 and <c>queue_work</c> (2.5): one ordered queue, FIFO across all users.</summary>
public sealed class WorkQueueScenarios
{
    [Fact]
    public void S46_FreeQueuesIommuThenVdcmWork_WhichRunsInQueueOrder_AfterFreeCompleted()
    {
        // F2 with a v3-style VDCM that also queues work on FREE; 5.5 steps 4–10 leave refs 4 (core, KVM, IOMMU, VDCM).
        var pool = Given(F2(vdcmReactions: [new Reaction(NotificationKind.Free, ReactionAction.QueueWork)]))
            .And(GuestSteps4To8)
            .And(new AcquireRefIfOwned(1, "uapi", "A"), Put(1, "uapi", null), new AcquireRefBySpid(VA, 101, "VDCM"));
        pool.State.Find(1)!.Refs.ShouldBe(4);

        var free = pool.When(Free(1, VA)).ThenNotified("IOMMU:FREE(1,101)", "KVM:FREE(1,101)", "VDCM:FREE(1,101)");
        free.Events.OfType<WorkCompleted>().ShouldBeEmpty();
        var queue = pool.State.Work.Select(w => (w.By, w.Id, w.Cause)).ToArray();
        queue.ShouldBe([("IOMMU", (uint?)1, (NotificationKind?)NotificationKind.Free), ("VDCM", 1, NotificationKind.Free)]);
        var (w1, wv) = (pool.State.Work[0].WorkId, pool.State.Work[1].WorkId);

        pool.When(new QueueWork(w1, "IOMMU", 1)).ThenIgnored(RejectionReason.WorkAlreadyQueued).ThenReply(new WorkAccepted(false));
        pool.When(new CompleteWork(wv)).ThenRejected(RejectionReason.WorkNotAtHead, Errno.EBUSY);

        // W1: IOMMU cleanup (detach_spid → UNBIND → KVM puts; detach_data; put).
        pool.When(new DetachSpid(1)).ThenNotified("KVM:UNBIND(1,101)", "VDCM:UNBIND(1,101)");
        pool.When(new DetachPrivate(1)).Then(new PrivateDetached(1, 1));
        pool.When(Put(1, "IOMMU", null)).Then(new RefReleased(1, 1, "IOMMU", 1));
        pool.When(new CompleteWork(w1)).Then(new WorkCompleted(w1));

        // Wv: VDCM clears the hardware context, then puts: the last reference.
        pool.When(Put(1, "VDCM", VA)).Then(new RefReleased(1, 1, "VDCM", 0), new IoasidReclaimed(1, 1, VA));
        pool.When(new CompleteWork(wv)).Then(new WorkCompleted(wv));
        pool.State.Work.ShouldBeEmpty();
    }

    [Fact]
    public void QueueWork_RunsFifo_RefusesCompletingOutOfOrderOrUnknownWork_AndAcceptsAnIdAgainOnceDone()
    {
        var pool = Given(F0());

        pool.When(new QueueWork("w1", "X")).Then(new WorkQueued("w1", "X", null, null)).ThenReply(new WorkAccepted(true));
        pool.When(new QueueWork("w2", "Y", 7)).Then(new WorkQueued("w2", "Y", 7, null));
        pool.When(new QueueWork("w1", "X")).ThenIgnored(RejectionReason.WorkAlreadyQueued).ThenReply(new WorkAccepted(false));

        pool.When(new CompleteWork("w2")).ThenRejected(RejectionReason.WorkNotAtHead, Errno.EBUSY);
        pool.When(new CompleteWork("w3")).ThenRejected(RejectionReason.UnknownWork, Errno.ENOENT);
        pool.When(new CompleteWork("w1")).Then(new WorkCompleted("w1")).ThenReply(Acknowledged.Instance);

        pool.When(new QueueWork("w1", "X")).Then(new WorkQueued("w1", "X", null, null));
        pool.State.Work.Select(w => w.WorkId).ShouldBe(["w2", "w1"]);
    }

    [Fact]
    public void FreeAllInSet_QueuesOneIommuWorkItemPerParkedId_InIdOrder()
    {
        var pool = Given(F2()).And(Alloc(VA), Alloc(VA), Get(1, "X", VA), Get(2, "X", VA));

        pool.When(new FreeAllInSet(VA)).ThenNotified(
            "IOMMU:FREE(1,INV)", "KVM:FREE(1,INV)", "VDCM:FREE(1,INV)",
            "IOMMU:FREE(2,INV)", "KVM:FREE(2,INV)", "VDCM:FREE(2,INV)");
        pool.State.Work.Select(w => (w.By, w.Id)).ShouldBe([("IOMMU", (uint?)1), ("IOMMU", 2)]);
    }
}
