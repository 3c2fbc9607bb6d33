using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>The pool and per-IOASID invariants of DOMAIN.md 1.2 and 3.1, checked after every command.</summary>
public sealed partial class LedgerAudit
{
    public void CheckInvariants(PoolState state, IReadOnlyDictionary<uint, IoasidRecord> before, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(decision);
        Require(state.Available >= 0 && state.Available <= state.Capacity, "P1", () => $"capacity_avail {state.Available} outside [0, {state.Capacity}]");
        var quotas = state.Sets.Values.Where(set => !set.IsDestroyed).Sum(set => set.Quota);
        Require(state.Available == state.Capacity - quotas - NetReserved, "P2",
            () => $"avail {state.Available} ≠ capacity {state.Capacity} − quotas {quotas} − net reservations {NetReserved}");

        foreach (var record in state.Ioasids.Values)
        {
            CheckRecord(state, record);
        }

        foreach (var set in state.Sets.Values)
        {
            CheckSet(state, set);
        }

        CheckRegistrations(state);
        Require(state.Work.Select(item => item.WorkId).Distinct().Count() == state.Work.Count, "work", () => "a work item is queued twice");

        foreach (var (id, old) in before)
        {
            var now = state.Find(id);
            if (now is not null && now.Generation == old.Generation)
            {
                Require(!old.FreeRequested || (now.FreeRequested && now.Refs <= old.Refs), "I2",
                    () => $"IOASID {id} went from {old.Refs} refs FREE_PENDING to {now.Refs} (free requested {now.FreeRequested})");
                continue;
            }

            Require(decision.Events.Any(e => e is IoasidReclaimed r && r.Id == id && r.Generation == old.Generation), "I5",
                () => $"IOASID {id}.{old.Generation} left the state without IoasidReclaimed");
        }

        for (var id = 0u; id <= HighestId + 1 && id < state.Capacity; id++)
        {
            var used = id == 0 || state.Find(id) is not null;
            Require(state.UsedIds.IsUsed(id) == used, "bitmap", () => $"bitmap says {id} is {(used ? "free" : "used")}");
        }
    }

    private static void CheckRecord(PoolState state, IoasidRecord record)
    {
        Require(record.Id != 0 && record.Id < state.Capacity, "P3", () => $"IOASID {record.Id} allocated under capacity {state.Capacity}");
        var set = state.LiveSet(record.SetId);
        Require(set is not null && set.Members.Contains(record.Id), "P3", () => $"IOASID {record.Id} is not a member of a live set {record.SetId}");
        var entries = record.Holders.Entries;
        Require(record.Refs >= 1 && entries.All(h => h.Count > 0 && !string.IsNullOrWhiteSpace(h.Holder))
            && entries.Select(h => h.Holder).Distinct().Count() == entries.Count && entries.Sum(h => h.Count) == record.Refs, "I1",
            () => $"IOASID {record.Id} refs {record.Refs}, holders [{string.Join(", ", entries)}]");
        Require(state.LastGeneration(record.Id) == record.Generation, "generation", () => $"IOASID {record.Id} is {record.Generation}, last issued {state.LastGeneration(record.Id)}");
        Require(!record.HasSpid || set!.IdsBySpid.GetValueOrDefault(record.Spid, Ioasid.Invalid) == record.Id, "I4",
            () => $"IOASID {record.Id} has SPID {record.Spid} that set {record.SetId} does not map to it");
    }

    private void CheckSet(PoolState state, IoasidSet set)
    {
        if (set.IsDestroyed)
        {
            Require(set.Count == 0 && set.IdsBySpid.Count == 0 && set.Chain.Count == 0, "R13", () => $"destroyed set {set.SetId} keeps members or subscribers");
            return;
        }

        var members = state.Ioasids.Values.Where(r => r.SetId == set.SetId).Select(r => r.Id).Order().ToArray();
        Require(set.Members.SequenceEqual(members), "P4", () => $"set {set.SetId} counts {set.Count} [{string.Join(",", set.Members)}], records say [{string.Join(",", members)}]");
        Require(set.Quota == 0 || set.Count <= set.Quota, "quota", () => $"set {set.SetId} has {set.Count} of quota {set.Quota}");
        Require(set.Lifecycle != SetLifecycle.Closing || (set.Count > 0 && members.All(id => state.Find(id)!.FreeRequested)), "closing-set",
            () => $"CLOSING set {set.SetId} is empty or has a member not FREE_PENDING");
        foreach (var (spid, id) in set.IdsBySpid)
        {
            Require(state.Find(id) is { } r && r.SetId == set.SetId && r.Spid == spid, "I4", () => $"set {set.SetId} maps SPID {spid} to {id}");
        }

        var chain = InChainOrder(state.Notifiers.Values.Where(n => n.Scope != NotifierScope.Global && n.Active && n.SetId == set.SetId));
        Require(set.Chain.Select(n => n.NotifierId).SequenceEqual(chain.Select(n => n.NotifierId)), "chain",
            () => $"set {set.SetId} chain [{string.Join(", ", set.Chain.Select(n => n.NotifierId))}]");
        Require(set.Type != SetType.Mm || state.MmSet(set.Token!) == set, "token", () => $"token {set.Token} does not find set {set.SetId}");
    }

    private void CheckRegistrations(PoolState state)
    {
        var global = InChainOrder(state.Notifiers.Values.Where(n => n.Scope == NotifierScope.Global)).Select(n => n.NotifierId);
        Require(state.GlobalChain.Select(n => n.NotifierId).SequenceEqual(global), "chain", () => "the global chain is out of order");
        foreach (var n in state.Notifiers.Values)
        {
            var ok = n.Scope switch
            {
                NotifierScope.Global => n is { Active: true, SetId: null },
                NotifierScope.Set => n.Active && n.SetId is { } setId && state.LiveSet(setId) is not null,
                _ => n.Token is not null && state.MmSet(n.Token) is var set && n.Active == (set is not null) && n.SetId == set?.SetId,
            };
            Require(ok, "3.6", () => $"registration {n.NotifierId} {n.Name} ({n.Scope}, set {n.SetId}, token {n.Token}, active {n.Active})");
        }
    }
}
