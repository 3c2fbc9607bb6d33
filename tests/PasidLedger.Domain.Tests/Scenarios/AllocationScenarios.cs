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

/// <summary>DOMAIN.md 9 S9 and "Quota, range and capacity limits on allocation": S11, S14, S15 (<c>alloc</c>, 2.3).</summary>
public sealed class AllocationScenarios
{
    [Fact]
    public void S9_FirstAllocation_SkipsReservedPasidZero_AndNotifiesTheSetChainOnly()
    {
        var step = Given(F1()).When(Alloc(VA, min: 0, max: MaxPasid, data: "p"))
            .Then(
                new IoasidAllocated(1, 1, VA, 0, MaxPasid, "p"),
                Published(NotificationKind.Alloc, 1, Ioasid.Invalid, VA, NotifyFlags.Set, ["K", "D"], data: "p"))
            .ThenReply(new IoasidGranted(1, 1))
            .ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)");

        var record = step.State.Find(1).ShouldNotBeNull();
        record.ShouldSatisfyAllConditions(
            () => record.Refs.ShouldBe(1),
            () => record.State.ShouldBe(IoasidState.Idle),
            () => record.Spid.ShouldBe(Ioasid.Invalid),
            () => record.Private.ShouldBe("p"),
            () => record.Generation.ShouldBe(1));
        step.State.Sets[VA].Count.ShouldBe(1);
    }

    [Fact]
    public void Allocation_ReturnsTheLowestFreeIdInRange_ReusingAReclaimedNumber()
    {
        var pool = Given(F1()).And(Alloc(VA), Alloc(VA), Alloc(VA), Free(2, VA));

        pool.When(Alloc(VA)).ThenReply(new IoasidGranted(2, 2));
        pool.When(Alloc(VA, min: 10, max: 20)).ThenReply(new IoasidGranted(10, 1));
        pool.When(Alloc(VA, min: 10, max: 10)).ThenRejected(RejectionReason.NoFreeId, Errno.ENOSPC);
    }

    [Fact]
    public void S11_QuotaExhaustion_IsEnospc_WithoutAllocNotification()
    {
        var pool = Given(F0()).And(new CreateSet(SetType.Mm, "Q", 2));

        pool.When(Alloc(0)).ThenReply(new IoasidGranted(1, 1));
        pool.When(Alloc(0)).ThenReply(new IoasidGranted(2, 1));
        pool.When(Alloc(0)).ThenRejected(RejectionReason.QuotaExceeded, Errno.ENOSPC);
        pool.State.Sets[0].Count.ShouldBe(2);
    }

    [Fact]
    public void S11_FreePendingMembers_StillCountAgainstTheQuota()
    {
        Given(F0()).And(new CreateSet(SetType.Mm, "Q", 2), Alloc(0), Alloc(0), Get(2, "X", 0), Free(2, 0))
            .When(Alloc(0)).ThenRejected(RejectionReason.QuotaExceeded, Errno.ENOSPC);
    }

    [Fact]
    public void S14_InstalledCapacity_BoundsIds_ByQuotaFirst()
    {
        var pool = Given(F0()).And(new InstallCapacity(4), new CreateSet(SetType.Null, null, 3));

        pool.When(Alloc(0)).ThenReply(new IoasidGranted(1, 1));
        pool.When(Alloc(0)).ThenReply(new IoasidGranted(2, 1));
        pool.When(Alloc(0)).ThenReply(new IoasidGranted(3, 1));
        pool.When(Alloc(0)).ThenRejected(RejectionReason.QuotaExceeded, Errno.ENOSPC);
    }

    [Fact]
    public void S14_InstalledCapacity_WithQuotaZero_ClampsMaxToCapacityMinusOne_SoTheFourthIsNoFreeId()
    {
        var pool = Given(F0()).And(new InstallCapacity(4), new CreateSet(SetType.Null, null, 0));

        pool.When(Alloc(0)).ThenReply(new IoasidGranted(1, 1));
        pool.When(Alloc(0)).ThenReply(new IoasidGranted(2, 1));
        pool.When(Alloc(0)).ThenReply(new IoasidGranted(3, 1));
        pool.When(Alloc(0)).ThenRejected(RejectionReason.NoFreeId, Errno.ENOSPC);
    }

    [Fact]
    public void S15_AllocationOnADestroyedSet_IsSetInvalid_AndSetFreeAgainIsEinval()
    {
        var pool = Given(F0()).And(new CreateSet(SetType.Null, null, 4));

        pool.When(new FreeSet(0)).Then(new SetDestroyed(0, "set_free", 4, Ioasid.DefaultCapacity)).ThenReply(Acknowledged.Instance);
        pool.When(Alloc(0, min: 1, max: 10)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(new FreeSet(0)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
    }

    [Fact]
    public void Allocation_OnAnUnknownSet_IsSetInvalid()
    {
        Given(F1()).When(Alloc(7)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
    }

    [Fact]
    public void Allocation_IsLowestFreeFirst_AcrossBitmapWordAndPageBoundaries()
    {
        var pool = Given(F0()).And(new CreateSet(SetType.Null, null, 0));

        foreach (var expected in new uint[] { 63, 64, 65 })
        {
            pool.When(Alloc(0, min: 63, max: 70)).ThenReply(new IoasidGranted(expected, 1));
        }

        foreach (var expected in new uint[] { 65_535, 65_536, 65_537 })
        {
            pool.When(Alloc(0, min: 65_535)).ThenReply(new IoasidGranted(expected, 1));
        }

        pool.When(Free(65_536, 0)).ThenNothingNotified();
        pool.When(Alloc(0, min: 65_000)).ThenReply(new IoasidGranted(65_000, 1));
        pool.When(Alloc(0, min: 65_535)).ThenReply(new IoasidGranted(65_536, 2));
        pool.When(Alloc(0, min: MaxPasid)).ThenReply(new IoasidGranted(MaxPasid, 1));
        pool.When(Alloc(0, min: MaxPasid)).ThenRejected(RejectionReason.NoFreeId, Errno.ENOSPC);
    }

    [Fact]
    public void AnEmptyRange_MinAboveMax_HasNoFreeId_AfterTheSetAndQuotaChecks()
    {
        var pool = Given(F1());

        pool.When(Alloc(VA, min: 10, max: 5)).ThenRejected(RejectionReason.NoFreeId, Errno.ENOSPC);
        pool.When(Alloc(VB, min: 10, max: 5)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.State.Sets[VA].Count.ShouldBe(0);

        var full = Given(F1()).And(new AdjustSetQuota(VA, 1), Alloc(VA));
        full.When(Alloc(VA, min: 10, max: 5)).ThenRejected(RejectionReason.QuotaExceeded, Errno.ENOSPC);
    }
}
