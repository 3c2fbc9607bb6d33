using System.Text.Json;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.ReadModels;

/// <summary>
/// Turns the pool state into read-model rows. Inline projection tracks what a batch's events
/// touched and emits only those rows; a rebuild emits every row of a freshly folded state.
/// </summary>
public sealed class ReadModelProjector
{
    private readonly HashSet<uint> ioasids = [];
    private readonly HashSet<int> sets = [];
    private readonly HashSet<int> notifiers = [];

    /// <summary>Notes which rows an event changes.</summary>
    public void Touch(PoolEvent @event)
    {
        var metadata = EventMetadata.Of(@event);
        if (metadata.Ioasid is { } id)
        {
            ioasids.Add((uint)id);
        }

        if (metadata.SetId is { } setId)
        {
            sets.Add(setId);
        }

        if (metadata.NotifierId is { } notifierId)
        {
            notifiers.Add(notifierId);
        }
    }

    /// <summary>The rows touched since the last call, read from the state after the batch.</summary>
    public ReadModelChanges TakeChanges(PoolState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (refcounts, removedIoasids) = (new List<RefcountView>(ioasids.Count), new List<uint>());
        foreach (var id in ioasids)
        {
            if (state.Find(id) is { } record)
            {
                refcounts.Add(Refcount(state, record));
            }
            else
            {
                removedIoasids.Add(id);
            }
        }

        var setRows = new List<SetView>(sets.Count);
        foreach (var id in sets)
        {
            if (state.Sets.GetValueOrDefault(id) is { } set)
            {
                setRows.Add(Set(state, set));
            }
        }

        var (notifierRows, removedNotifiers) = (new List<NotifierView>(notifiers.Count), new List<int>());
        foreach (var id in notifiers)
        {
            if (state.Notifiers.GetValueOrDefault(id) is { } notifier)
            {
                notifierRows.Add(Notifier(state, notifier));
            }
            else
            {
                removedNotifiers.Add(id);
            }
        }

        ioasids.Clear();
        sets.Clear();
        notifiers.Clear();
        return new ReadModelChanges(Capacity(state), refcounts, removedIoasids, setRows, notifierRows, removedNotifiers);
    }

    /// <summary>Every row of the state, for rebuild and verify.</summary>
    public static ReadModelChanges All(PoolState state) => new(
        Capacity(state),
        [.. state.Ioasids.Values.OrderBy(r => r.Id).Select(r => Refcount(state, r))],
        [],
        [.. state.Sets.Values.OrderBy(s => s.SetId).Select(s => Set(state, s))],
        [.. state.Notifiers.Values.OrderBy(n => n.NotifierId).Select(n => Notifier(state, n))],
        []);

    public static CapacityView Capacity(PoolState state) =>
        new(state.Name!, state.Capacity, state.Available, state.CapacityInstalled, state.Version);

    public static RefcountView Refcount(PoolState state, IoasidRecord record) => new(
        state.Name!, record.Id, record.Generation, record.SetId, ViewNames.Of(record.State), record.Refs,
        record.Holders.Entries.ToDictionary(e => e.Holder, e => e.Count),
        record.HasSpid ? record.Spid : null, record.Private);

    public static SetView Set(PoolState state, IoasidSet set) => new(
        state.Name!, set.SetId, ViewNames.Of(set.Type), set.Token, set.Quota, set.Count, ViewNames.Of(set.Lifecycle));

    /// <summary>The refcount rows of a set's members, by ID, as <c>refcount_view</c> lists them (a past set's members, for time travel).</summary>
    public static List<RefcountView> Members(PoolState state, int setId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Ioasids.Values.Where(r => r.SetId == setId).OrderBy(r => r.Id).Select(r => Refcount(state, r))];
    }

    public static NotifierView Notifier(PoolState state, NotifierRegistration n) => new(
        state.Name!, n.NotifierId, n.Name, ViewNames.Of(n.Scope), n.SetId, n.Token, ViewNames.Of(n.Priority), n.Endpoint,
        JsonSerializer.Serialize(n.Reactions, LedgerJson.Options), n.Active, n.ChainOrder);
}
