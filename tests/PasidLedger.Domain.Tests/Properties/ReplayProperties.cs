using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Replay determinism: the event stream alone rebuilds the pool, and the rebuilt pool behaves the same.</summary>
public sealed class ReplayProperties
{
    [Fact]
    public void ReplayingEveryEventFromTheEmptyPool_RebuildsTheLiveState()
    {
        Prop.ForAll(PlanGenerators.Runs(250), plan =>
            {
                var run = LedgerRun.Of(plan);

                var replayed = Pool.Replay(run.Events);

                PoolProjection.Of(replayed).ShouldBe(PoolProjection.Of(run.State));
                replayed.Version.ShouldBe(run.Events.Count);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(30).WithQuietOnSuccess(true));
    }

    [Fact]
    public void ReplayedPool_DecidesEveryFurtherCommandExactlyLikeTheLivePool()
    {
        var plans = PlanGenerators.Run(200).Zip(Gen.ArrayOf(PlanGenerators.Step, 200), (plan, more) => (plan, more));

        Prop.ForAll(Arb.From(plans), input =>
            {
                var run = LedgerRun.Of(input.plan);
                var replayed = Pool.Replay(run.Events);

                foreach (var step in input.more)
                {
                    var command = CommandPlanner.Plan(run.State, step);
                    var live = run.Execute(command);
                    var again = Pool.Decide(replayed, command);

                    again.Events.ShouldBe(live.Events, $"{LedgerText.Of(command)} after replay");
                    again.Rejection.ShouldBe(live.Rejection);
                    again.Reply.ShouldBe(live.Reply);
                    Pool.EvolveAll(replayed, again.Events);
                }

                PoolProjection.Of(replayed).ShouldBe(PoolProjection.Of(run.State));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20).WithQuietOnSuccess(true));
    }
}
