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

/// <summary>DOMAIN.md 9 "Pool and capacity": S1–S3, S71 and install_capacity's one-shot rule (2.1).</summary>
public sealed class PoolAndCapacityScenarios
{
    [Fact]
    public void S1_DefaultCapacity_IsTwoToTheTwenty_AndNoAllocationEverReturnsZero()
    {
        var pool = Given(F0()).And(new CreateSet(SetType.Null, null, 0));

        pool.State.Capacity.ShouldBe(1_048_576);
        pool.State.Available.ShouldBe(1_048_576);
        pool.When(Alloc(0, min: 0, max: 0)).ThenRejected(RejectionReason.NoFreeId, Errno.ENOSPC);
        pool.When(Alloc(0, min: 0)).ThenReply(new IoasidGranted(1, 1));
    }

    [Fact]
    public void S2_InstallCapacity_IsOneShot_AndASecondInstallIsIgnored()
    {
        var pool = Given(F0());

        pool.When(new InstallCapacity(65_536)).Then(new CapacityInstalled(65_536));
        (pool.State.Capacity, pool.State.Available).ShouldBe((65_536, 65_536));

        pool.When(new InstallCapacity(32_768)).ThenIgnored(RejectionReason.CapacityAlreadySet);
        (pool.State.Capacity, pool.State.Available).ShouldBe((65_536, 65_536));
    }

    [Fact]
    public void InstallCapacity_OfTheDefaultValue_DoesNotLockTheCapacity()
    {
        Given(F0())
            .When(new InstallCapacity(Ioasid.DefaultCapacity)).Then(new CapacityInstalled(Ioasid.DefaultCapacity))
            .When(new InstallCapacity(65_536)).Then(new CapacityInstalled(65_536))
            .State.Capacity.ShouldBe(65_536);
    }

    [Fact]
    public void InstallCapacity_UnderAReservation_IsRefusedWithEbusy()
    {
        Given(F0()).And(new ReserveCapacity(10))
            .When(new InstallCapacity(4_096)).ThenRejected(RejectionReason.CapacityInUse, Errno.EBUSY)
            .State.Capacity.ShouldBe(Ioasid.DefaultCapacity);
    }

    [Fact]
    public void S3_ReserveAndCancel_MoveCapacityAvail_WithinZeroAndCapacity()
    {
        var pool = Given(F0());

        pool.When(new ReserveCapacity(100))
            .Then(new CapacityReserved(100, 1_048_476)).ThenReply(new CapacityChanged(100, 1_048_476));
        pool.When(new ReserveCapacity(0))
            .Then(new CapacityReserved(1_048_476, 0)).ThenReply(new CapacityChanged(1_048_476, 0));
        pool.When(new ReserveCapacity(1)).ThenRejected(RejectionReason.CapacityExhausted, Errno.ENOSPC);
        pool.State.Available.ShouldBe(0);

        pool.When(new CancelCapacity(1_048_476))
            .Then(new CapacityCancelled(1_048_476, 1_048_476)).ThenReply(new CapacityChanged(1_048_476, 1_048_476));
        pool.When(new CancelCapacity(101)).ThenRejected(RejectionReason.CancelExceedsCapacity, Errno.EINVAL);
        pool.State.Available.ShouldBe(1_048_476);
        pool.When(new CancelCapacity(100))
            .Then(new CapacityCancelled(100, 1_048_576)).ThenReply(new CapacityChanged(100, 1_048_576));
    }

    [Fact]
    public void Cancel_OfLongMaxValue_IsCancelExceedsCapacity_WithoutOverflowingCountPlusAvailable()
    {
        // Regression: count + capacity_avail was computed in a long, which wraps negative for long.MaxValue,
        // so the capacity check passed. (The HTTP API now refuses counts above 2^32 - 1 before deciding.)
        var pool = Given(F0());
        pool.When(new ReserveCapacity(10)).Then(new CapacityReserved(10, 1_048_566)).ThenReply(new CapacityChanged(10, 1_048_566));

        pool.When(new CancelCapacity(long.MaxValue)).ThenRejected(RejectionReason.CancelExceedsCapacity, Errno.EINVAL);
        pool.When(new CancelCapacity(long.MaxValue - 1_048_570)).ThenRejected(RejectionReason.CancelExceedsCapacity, Errno.EINVAL);
        pool.State.Available.ShouldBe(1_048_566);
    }

    [Fact]
    public void S71_InstallCapacity_AfterSetsExist_IsRefusedWithEbusy_AndChangesNothing()
    {
        var pool = Given(F1());

        pool.When(new InstallCapacity(4_096)).ThenRejected(RejectionReason.CapacityInUse, Errno.EBUSY);
        (pool.State.Capacity, pool.State.Available).ShouldBe((Ioasid.DefaultCapacity, AvailableAfterF1));
    }
}
