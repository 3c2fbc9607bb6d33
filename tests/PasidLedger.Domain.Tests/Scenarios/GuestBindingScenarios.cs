using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.Tests.Support;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Lookups;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>
/// DOMAIN.md 9 "Ownership and binding" on F2: S48, S49, S51. KVM reacts inside the chain; the
/// VFIO uapi wrapper, the IOMMU driver and VDCM are driven as explicit commands (4.8).
/// </summary>
public sealed class GuestBindingScenarios
{
    [Fact]
    public void S48_GuestBindByAProcessThatIsNotTheOwner_IsEperm_WithoutBindOrReference()
    {
        var pool = Given(F2()).And(Alloc(VA));

        pool.When(new AcquireRefIfOwned(1, "uapi", "B")).ThenRejected(RejectionReason.NotOwner, Errno.EPERM);
        var record = pool.State.Find(1).ShouldNotBeNull();
        (record.Refs, record.Spid, record.Private).ShouldBe((1, Ioasid.Invalid, (string?)null));
    }

    [Fact]
    public void S49_NormalGuestFlowEndToEnd_FollowsTheRefsSequence_WithOneBindOneUnbindAndNoFree()
    {
        var pool = Given(F2());
        var start = pool.History.Count;

        // 5.5 steps 4–8: refs 1, 2, 3 (KVM on BIND), 4, 3.
        pool.And(GuestSteps4To8);

        // 9: dev2 joins the record: a temporary uapi reference, no new BIND, no new IOMMU reference.
        pool.And(new AcquireRefIfOwned(1, "uapi", "A"), Put(1, "uapi", null));

        // 10–11: the guest programs G into a DWQ (VDCM resolves it with a reference), then clears it.
        pool.When(new AcquireRefBySpid(VA, 101, "VDCM")).ThenReply(new SpidResolved(1));
        pool.And(Put(1, "VDCM", VA));

        // 12: unbind dev2 (not the last device).
        pool.And(new AcquireRefIfOwned(1, "uapi", "A"), Put(1, "uapi", null));

        // 13: unbind dev1, the last device: detach_spid → UNBIND → KVM drops its entry and reference.
        pool.And(new AcquireRefIfOwned(1, "uapi", "A"), new DetachSpid(1));
        pool.State.Find(1)!.Holders.CountOf("KVM").ShouldBe(0);

        // 14–15: the IOMMU drops its record and reference, then the uapi reference goes.
        pool.And(new DetachPrivate(1), Put(1, "IOMMU", null), Put(1, "uapi", null));

        // 16: REQUEST_FREE on an IDLE ID: reclaimed at once, no FREE.
        pool.When(Free(1, VA)).ThenNothingNotified();
        pool.State.Find(1).ShouldBeNull();

        var flow = pool.History.Skip(start).ToArray();
        RefsTrail(flow).ShouldBe([1, 2, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0]);
        Notices.Delivered(flow).ShouldBe(
        [
            "KVM:ALLOC(1,INV)", "VDCM:ALLOC(1,INV)",
            "KVM:BIND(1,101)", "VDCM:BIND(1,101)",
            "KVM:UNBIND(1,101)", "VDCM:UNBIND(1,101)",
        ]);

        // 17: close /dev/ioasid: nothing left to free, the set is destroyed, KVM and VDCM wait again.
        pool.When(new ReleaseSet(VA)).Then(
            new SetDestroyed(VA, "released", 0, Ioasid.DefaultCapacity),
            new NotifierDeactivated(2, VA),
            new NotifierDeactivated(3, VA));
    }

    [Fact]
    public void S51_FreeBeforeUnbindWithoutDma_ReclaimsInsideTheIommuCleanupWork()
    {
        var pool = Given(F2()).And(GuestSteps4To8);
        pool.State.Find(1)!.Refs.ShouldBe(3);

        var free = pool.When(Free(1, VA)).ThenNotified("IOMMU:FREE(1,101)", "KVM:FREE(1,101)", "VDCM:FREE(1,101)");
        free.Decision.ReactionRejections.ShouldBeEmpty();
        pool.State.Find(1)!.Refs.ShouldBe(2);
        var w1 = pool.State.Work.ShouldHaveSingleItem();
        (w1.By, w1.Id, w1.Cause).ShouldBe(("IOMMU", (uint?)1, (NotificationKind?)NotificationKind.Free));

        // W1: detach_spid → UNBIND → KVM put_locked (1); detach_data; put → 0: reclaimed inside W1.
        pool.When(new DetachSpid(1)).ThenNotified("KVM:UNBIND(1,101)", "VDCM:UNBIND(1,101)");
        pool.State.Find(1)!.Refs.ShouldBe(1);
        pool.When(new DetachPrivate(1)).Then(new PrivateDetached(1, 1));
        pool.When(Put(1, "IOMMU", null)).Then(new RefReleased(1, 1, "IOMMU", 0), new IoasidReclaimed(1, 1, VA));
        pool.When(new CompleteWork(w1.WorkId)).Then(new WorkCompleted(w1.WorkId));

        pool.State.Work.ShouldBeEmpty();
        pool.State.Sets[VA].Count.ShouldBe(0);
    }

    [Fact]
    public void S51_LateUnbindAfterReclaim_IsEnoent_AndWhileParked_IsEbusy_NoDoublePut()
    {
        var pool = Given(F2()).And(GuestSteps4To8).And(Free(1, VA));

        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenRejected(RejectionReason.FreePending, Errno.EBUSY);
        pool.And(new DetachSpid(1), new DetachPrivate(1), Put(1, "IOMMU", null));
        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);
        pool.When(new AcquireRefBySpid(VA, 101, "VDCM")).ThenIgnored(RejectionReason.SpidNotFound);
    }
}
