using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary>Taking and restoring <see cref="PoolSnapshot"/>s.</summary>
public static class PoolSnapshots
{
    /// <summary>Copies the state; the pool must exist.</summary>
    public static PoolSnapshot Take(PoolState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PoolSnapshot(
            state.Version,
            state.Name ?? throw new InvalidOperationException("Cannot snapshot a pool that was never created."),
            state.Options,
            state.Capacity,
            state.Available,
            [.. state.Sets.Values.OrderBy(s => s.SetId).Select(s => new SetSnapshot(s.SetId, s.Type, s.Token, s.Quota, s.Lifecycle))],
            [.. state.Ioasids.Values.OrderBy(r => r.Id).Select(r => new IoasidSnapshot(
                r.Id, r.Generation, r.SetId, r.Holders.Entries.ToDictionary(e => e.Holder, e => e.Count), r.FreeRequested, r.Spid, r.Private))],
            state.Generations,
            [.. state.Notifiers.Values.OrderBy(n => n.NotifierId)],
            [.. state.Work],
            state.NextNotifierId,
            state.NextChainOrder);
    }

    /// <summary>Rebuilds the state a snapshot was taken from.</summary>
    public static PoolState Restore(PoolSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new PoolState { Name = snapshot.Name, Options = snapshot.Options };
        state.InstallCapacity(snapshot.Capacity);
        state.Available = snapshot.Available;
        foreach (var set in snapshot.Sets)
        {
            state.PutSet(new IoasidSet(set.SetId, set.Type, set.Token, set.Quota) { Lifecycle = set.Lifecycle });
        }

        foreach (var (number, generation) in snapshot.Generations)
        {
            state.RestoreGeneration(number, generation);
        }

        foreach (var r in snapshot.Ioasids)
        {
            state.AddIoasid(new IoasidRecord(r.Id, r.Generation, r.SetId, Holders.From(r.Holders.Select(h => (h.Key, h.Value))), r.FreeRequested, r.Spid, r.Private));
            var set = state.Sets[r.SetId];
            set.AddMember(r.Id);
            if (r.Spid != Ioasid.Invalid)
            {
                set.BindSpid(r.Spid, r.Id);
            }
        }

        RestoreNotifiers(state, snapshot);
        foreach (var item in snapshot.Work)
        {
            state.Enqueue(item);
        }

        state.NextNotifierId = snapshot.NextNotifierId;
        state.NextChainOrder = snapshot.NextChainOrder;
        state.Version = snapshot.Version;
        return state;
    }

    private static void RestoreNotifiers(PoolState state, PoolSnapshot snapshot)
    {
        foreach (var registration in snapshot.Notifiers)
        {
            state.PutNotifier(registration);
        }

        state.SetGlobalChain(Chains.Order(state.Notifiers.Values.Where(n => n.Scope == NotifierScope.Global)));
        foreach (var set in state.Sets.Values)
        {
            set.Chain = Chains.Order(state.Notifiers.Values.Where(n => n.Active && n.SetId == set.SetId && n.Scope != NotifierScope.Global));
        }
    }
}
