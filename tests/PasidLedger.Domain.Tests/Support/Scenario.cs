using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

using Shouldly;

namespace PasidLedger.Domain.Tests.Support;

/// <summary>
/// A pool under test: <c>Given(history).When(command).Then(events | rejection)</c> (STYLE.md).
/// Every accepted decision is folded into <see cref="State"/>, so steps can be chained.
/// </summary>
public sealed class Scenario
{
    private readonly List<PoolEvent> history = [];

    private Scenario()
    {
    }

    /// <summary>The pool after everything given and every step so far.</summary>
    public PoolState State { get; } = new();

    /// <summary>Every event folded so far, the given ones included.</summary>
    public IReadOnlyList<PoolEvent> History => history;

    /// <summary>A pool rebuilt from a recorded stream.</summary>
    public static Scenario Given(params PoolEvent[] events)
    {
        var scenario = new Scenario();
        scenario.Fold(events);
        return scenario;
    }

    /// <summary>A pool reached by commands, each of which must be accepted.</summary>
    public static Scenario Given(params PoolCommand[] commands) => new Scenario().And(commands);

    /// <summary>More given commands; a rejection here is a broken test set-up.</summary>
    public Scenario And(params PoolCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = Pool.Decide(State, command);
            decision.Rejection.ShouldBeNull($"given command {command} was refused");
            decision.ReactionRejections.ShouldBeEmpty($"given command {command} had refused reactions");
            Fold(decision.Events);
        }

        return this;
    }

    /// <summary>Decides <paramref name="command"/> and folds its events when accepted.</summary>
    public Outcome When(PoolCommand command)
    {
        var version = State.Version;
        var decision = Pool.Decide(State, command);
        if (decision.Rejection is null)
        {
            Fold(decision.Events);
        }

        return new Outcome(this, command, decision, version);
    }

    private void Fold(IEnumerable<PoolEvent> events)
    {
        foreach (var @event in events)
        {
            Pool.Evolve(State, @event);
            history.Add(@event);
        }
    }
}
