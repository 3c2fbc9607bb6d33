using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// One pool driven command by command: decide, check the decision, fold its events one at a time
/// under the <see cref="LedgerAudit"/>, then check the invariants and the reply.
/// </summary>
public sealed class LedgerRun
{
    private readonly LedgerAudit audit = new();
    private readonly List<(int Events, string Projection)> checkpoints = [];

    public PoolState State { get; } = new();

    public List<PoolEvent> Events { get; } = [];

    public List<PoolCommand> Commands { get; } = [];

    public CoverageLog? Coverage { get; init; }

    /// <summary>How often the live projection is kept to compare with a replay of the prefix.</summary>
    public int CheckpointEvery { get; init; } = 25;

    public Decision Execute(PoolCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Commands.Add(command);
        var projection = PoolProjection.Of(State);
        var before = new Dictionary<uint, IoasidRecord>(State.Ioasids);
        var decision = Pool.Decide(State, command);
        LedgerAudit.Require(PoolProjection.Of(State) == projection, "pure-decide", () => $"Decide({command}) wrote the state");
        LedgerAudit.CheckDecision(State, command, decision);
        FoldAudited(decision, before);
        LedgerAudit.CheckReply(State, decision);
        Coverage?.Record(command, decision);
        if (Commands.Count % CheckpointEvery == 0)
        {
            checkpoints.Add((Events.Count, PoolProjection.Of(State)));
        }

        return decision;
    }

    /// <summary>Folds events no command decided (a tampered stream) under the same audit: tests of the audit itself.</summary>
    public void Fold(params PoolEvent[] events) =>
        FoldAudited(new Decision(events, Acknowledged.Instance, null, []), new Dictionary<uint, IoasidRecord>(State.Ioasids));

    private void FoldAudited(Decision decision, Dictionary<uint, IoasidRecord> before)
    {
        foreach (var @event in decision.Events)
        {
            audit.BeforeEvent(State, @event);
            Pool.Evolve(State, @event);
            audit.AfterEvent(State, @event);
            Events.Add(@event);
        }

        audit.EndOfDecision(decision);
        audit.CheckInvariants(State, before, decision);
    }

    /// <summary>
    /// Replay determinism: folding the produced events from the empty pool gives the live state at
    /// every checkpoint and at the end, and the replayed state decides recent commands identically.
    /// </summary>
    public void VerifyReplay()
    {
        var replayed = new PoolState();
        var folded = 0;
        foreach (var (count, projection) in checkpoints.Append((Events.Count, PoolProjection.Of(State))))
        {
            for (; folded < count; folded++)
            {
                Pool.Evolve(replayed, Events[folded]);
            }

            var again = PoolProjection.Of(replayed);
            LedgerAudit.Require(again == projection, "replay", () => $"after {count} events: {PoolProjection.FirstDifference(projection, again)}");
        }

        foreach (var command in Commands.TakeLast(25))
        {
            var live = Pool.Decide(State, command);
            var again = Pool.Decide(replayed, command);
            LedgerAudit.Require(live.Events.SequenceEqual(again.Events) && live.Rejection == again.Rejection && Equals(live.Reply, again.Reply)
                && live.ReactionRejections.SequenceEqual(again.ReactionRejections), "replay-decide", () => $"{command} decides differently after replay");
        }
    }

    /// <summary>Runs a plan; on any failure, throws the shrunk counterexample instead.</summary>
    public static LedgerRun Of(RunPlan plan, CoverageLog? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = new LedgerRun { Coverage = coverage };
        try
        {
            run.Execute(new CreatePool("pool", plan.Options));
            if (plan.InstallCapacity is { } total)
            {
                run.Execute(new InstallCapacity(total));
            }

            foreach (var step in plan.Steps)
            {
                run.Execute(CommandPlanner.Plan(run.State, step));
            }

            run.VerifyReplay();
            return run;
        }
        catch (Exception failure) when (failure is not CounterexampleException)
        {
            throw Counterexample.From(run.Commands, failure);
        }
    }
}
