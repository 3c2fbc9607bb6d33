using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Creating a pool again is idempotent with the same options and refused with others: options are fixed at creation.</summary>
public sealed class PoolCreationTests
{
    [Fact]
    public void CreatingAnExistingPoolWithTheSameOptions_IsAcknowledged_AndChangesNothing()
    {
        var run = new LedgerRun();
        run.Execute(new CreatePool("pool", new PoolOptions(DispatchPolicy.MergedByPriority)));

        var again = Pool.Decide(run.State, new CreatePool("pool", new PoolOptions(DispatchPolicy.MergedByPriority)));

        again.IsRejected.ShouldBeFalse();
        again.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DispatchPolicy.PerChainGlobalFirst, false)]
    [InlineData(DispatchPolicy.MergedByPriority, true)]
    public void CreatingAnExistingPoolWithOtherOptions_IsRefusedWithEexist(DispatchPolicy dispatch, bool autoDestroy)
    {
        var run = new LedgerRun();
        run.Execute(new CreatePool("pool", new PoolOptions(DispatchPolicy.MergedByPriority)));

        var again = Pool.Decide(run.State, new CreatePool("pool", new PoolOptions(dispatch, autoDestroy)));

        again.Rejection.ShouldNotBeNull().Reason.ShouldBe(RejectionReason.PoolOptionsConflict);
        again.Rejection.Errno.ShouldBe(Errno.EEXIST);
        again.Events.ShouldBeEmpty();
    }
}
