using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// The audit behind the properties is not vacuous: tampered event streams that break an invariant
/// are caught under the invariant's name.
/// </summary>
public sealed class LedgerAuditTests
{
    [Fact]
    public void AReferenceTakenWhileFreePending_IsCaughtAsI2()
    {
        var run = ActiveIoasidFreed();

        Should.Throw<InvariantViolationException>(() => run.Fold(new RefAcquired(1, 1, "kvm", 2))).Check.ShouldBe("I2");
    }

    [Fact]
    public void ASecondFreeNotification_IsCaughtAsI3()
    {
        var run = ActiveIoasidFreed();
        var free = new NotificationPublished(NotificationKind.Free, 1, 1, Ioasid.Invalid, 0, null, NotifyFlags.All | NotifyFlags.Set, []);

        Should.Throw<InvariantViolationException>(() => run.Fold(free)).Check.ShouldBe("I3");
    }

    [Fact]
    public void AnIdleFreeThatNotifies_IsCaughtBeforeTheNotification()
    {
        var run = IdleIoasid();
        var free = new NotificationPublished(NotificationKind.Free, 1, 1, Ioasid.Invalid, 0, null, NotifyFlags.All | NotifyFlags.Set, []);

        Should.Throw<InvariantViolationException>(() => run.Fold(new FreeRequested(1, 1, 0, 0), free)).Check.ShouldBe("event-order");
    }

    [Fact]
    public void AnUnbindWithoutABind_IsCaughtAsI6()
    {
        var run = IdleIoasid();
        var unbind = new NotificationPublished(NotificationKind.Unbind, 1, 1, Ioasid.Invalid, 0, null, NotifyFlags.Set, []);

        Should.Throw<InvariantViolationException>(() => run.Fold(unbind)).Check.ShouldBe("I6");
    }

    [Fact]
    public void AReclaimWithReferencesLeft_IsCaughtAsI5()
    {
        var run = IdleIoasid();

        Should.Throw<InvariantViolationException>(() => run.Fold(new IoasidReclaimed(1, 1, 0))).Check.ShouldBe("I5");
    }

    [Fact]
    public void AnIdHandedOutTwice_IsCaught()
    {
        var run = IdleIoasid();

        Should.Throw<InvariantViolationException>(() => run.Fold(new IoasidAllocated(1, 2, 0, 1, 10, null))).Check.ShouldBe("double-allocation");
    }

    [Fact]
    public void AQuotaNotReturnedOnDestruction_IsCaughtAsR15()
    {
        var run = new LedgerRun();
        run.Execute(new CreatePool("pool"));
        run.Execute(new CreateSet(SetType.Null, null, 4));

        Should.Throw<InvariantViolationException>(() => run.Fold(new SetDestroyed(0, "leak", 0, Ioasid.DefaultCapacity - 4))).Check.ShouldBe("R15");
    }

    private static LedgerRun IdleIoasid()
    {
        var run = new LedgerRun();
        run.Execute(new CreatePool("pool"));
        run.Execute(new CreateSet(SetType.Null, null, 0));
        run.Execute(new AllocateIoasid(0, 1, 10, null));
        return run;
    }

    private static LedgerRun ActiveIoasidFreed()
    {
        var run = IdleIoasid();
        run.Execute(new AcquireRef(1, "kvm", 0));
        run.Execute(new FreeIoasid(1, 0)).Events.OfType<NotificationPublished>().ShouldHaveSingleItem();
        return run;
    }
}
