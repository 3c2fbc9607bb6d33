using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// Watches one pool's life: every event is checked against the state just before and just after
/// it is folded, every command against the invariants of DOMAIN.md 1.2 and 3.1. Keeps the history
/// the state alone cannot show (reservations, notifications per ID generation).
/// </summary>
public sealed partial class LedgerAudit
{
    private readonly Dictionary<(uint Id, int Generation), List<(NotificationKind Kind, uint Spid)>> notifications = [];
    private readonly Dictionary<uint, int> generations = [];
    private (Func<PoolEvent, bool> Matches, string What)? expected;
    private PoolEvent? previous;
    private long versionBefore;

    /// <summary>Capacity taken by <c>reserve_capacity</c> minus what <c>cancel_capacity</c> gave back (P2).</summary>
    public long NetReserved { get; private set; }

    /// <summary>The highest ID ever allocated; bounds the bitmap cross-check.</summary>
    public uint HighestId { get; private set; }

    public static void Require(bool condition, string check, Func<string> detail)
    {
        if (!condition)
        {
            throw new InvariantViolationException(check, detail());
        }
    }

    public void BeforeEvent(PoolState state, PoolEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (expected is { } next)
        {
            Require(next.Matches(@event), "event-order", () => $"expected {next.What}, got {@event}");
            expected = null;
        }

        versionBefore = state.Version;
        CheckPreconditions(state, @event);
    }

    public void AfterEvent(PoolState state, PoolEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        Require(state.Version == versionBefore + 1, "version", () => $"Evolve moved the version from {versionBefore} to {state.Version}");
        CheckPostconditions(state, @event);
        previous = @event;
        eventIndex++;
    }

    /// <summary>Called once all events of a decision are folded.</summary>
    public void EndOfDecision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (expected is { } next)
        {
            throw new InvariantViolationException("event-order", $"the decision ended while {next.What} was still due");
        }

        previous = null;
        CheckReactions(decision);
    }

    private void Expect(string what, Func<PoolEvent, bool> matches) => expected = (matches, what);

    private static IoasidRecord Record(PoolState state, uint id, int generation, string check)
    {
        var record = state.Find(id);
        Require(record is not null, check, () => $"IOASID {id} is not allocated");
        Require(record!.Generation == generation, check, () => $"IOASID {id} is generation {record.Generation}, the event names {generation}");
        return record;
    }

    private static IoasidSet NonDestroyedSet(PoolState state, int setId, string check)
    {
        var set = state.LiveSet(setId);
        Require(set is not null, check, () => $"set {setId} is unknown or destroyed");
        return set!;
    }

    private List<(NotificationKind Kind, uint Spid)> History(uint id, int generation)
    {
        if (!notifications.TryGetValue((id, generation), out var history))
        {
            notifications[(id, generation)] = history = [];
        }

        return history;
    }
}
