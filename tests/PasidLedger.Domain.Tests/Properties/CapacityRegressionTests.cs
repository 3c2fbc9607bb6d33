using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// Counterexamples the command-sequence properties found, kept as plain regression tests
/// (named after the bug, as marten does).
/// </summary>
public sealed class CapacityRegressionTests
{
    /// <summary>
    /// P1 (0 ≤ capacity_avail ≤ capacity) and R15 (quota returned exactly once): cancel_capacity only
    /// checks <c>n + avail ≤ capacity</c>, so it can hand back capacity a set quota holds; the set's
    /// destruction then returns that quota a second time.
    /// </summary>
    [Fact]
    public void CancelOfCapacityHeldByASetQuota_ThenSetDestroyed_KeepsAvailableWithinCapacity()
    {
        var run = new LedgerRun();
        run.Execute(new CreatePool("pool", PoolOptions.Default));
        run.Execute(new CreateSet(SetType.Null, null, 4));

        var cancel = Pool.Decide(run.State, new CancelCapacity(3));
        if (!cancel.IsRejected)
        {
            run.Execute(new CancelCapacity(3));
        }

        run.Execute(new FreeSet(0));

        run.State.Available.ShouldBeLessThanOrEqualTo(run.State.Capacity);
        run.State.Available.ShouldBe(Ioasid.DefaultCapacity);
    }
}
