using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>What must hold just before an IOASID event is folded (T1–T15 of DOMAIN.md 3.1).</summary>
public sealed partial class LedgerAudit
{
    private void BeforeAllocated(PoolState state, IoasidAllocated e)
    {
        Require(state.Find(e.Id) is null, "double-allocation", () => $"IOASID {e.Id} handed out while generation {state.Find(e.Id)!.Generation} is allocated");
        Require(e.Id != 0 && e.Id < state.Capacity, "P3", () => $"IOASID {e.Id} allocated; 0 is reserved and capacity is {state.Capacity}");
        var set = NonDestroyedSet(state, e.SetId, "P3");
        Require(set.IsLive, "closing-set", () => $"set {e.SetId} is {set.Lifecycle} and gained IOASID {e.Id}");
        Require(set.Quota == 0 || set.Count < set.Quota, "quota", () => $"set {e.SetId} has {set.Count} of quota {set.Quota} and gained IOASID {e.Id}");
        var last = generations.GetValueOrDefault(e.Id);
        Require(e.Generation > last && e.Generation == state.LastGeneration(e.Id) + 1, "generation", () => $"IOASID {e.Id} generation {e.Generation} after {last}");
        var low = Math.Max(e.Min, 1u);
        var high = Math.Min(e.Max, state.Capacity - 1);
        Require(low <= e.Id && e.Id <= high, "range", () => $"IOASID {e.Id} outside [{low}, {high}]");
        for (var id = low; id < e.Id; id++)
        {
            Require(state.Find(id) is not null, "lowest-free", () => $"IOASID {e.Id} allocated while {id} was free in [{low}, {high}]");
        }

        Expect($"ALLOC for {e.Id}", next => next is NotificationPublished
        {
            Kind: NotificationKind.Alloc, Spid: Ioasid.Invalid, Flags: NotifyFlags.Set,
        } n && n.Id == e.Id && n.Generation == e.Generation && n.Private == e.Private);
    }

    private static void BeforeRefAcquired(PoolState state, RefAcquired e)
    {
        var record = Record(state, e.Id, e.Generation, "I1");
        Require(!record.FreeRequested, "I2", () => $"{e.Holder} took a reference on FREE_PENDING IOASID {e.Id}");
        Require(!string.IsNullOrWhiteSpace(e.Holder), "I1", () => $"anonymous reference on IOASID {e.Id}");
        Require(e.Refs == record.Refs + 1, "refs", () => $"RefAcquired says {e.Refs}, the record had {record.Refs}");
    }

    private void BeforeRefReleased(PoolState state, RefReleased e)
    {
        var record = Record(state, e.Id, e.Generation, "I1");
        Require(record.Holders.CountOf(e.Holder) > 0, "I1", () => $"{e.Holder} put IOASID {e.Id} without holding a reference");
        Require(e.Refs == record.Refs - 1, "refs", () => $"RefReleased says {e.Refs}, the record had {record.Refs}");
        if (e.Refs == 0)
        {
            Expect($"IoasidReclaimed({e.Id}) after the last put", next => next is IoasidReclaimed r && r.Id == e.Id && r.Generation == e.Generation);
        }
    }

    private void BeforeFreeRequested(PoolState state, FreeRequested e)
    {
        var record = Record(state, e.Id, e.Generation, "free");
        Require(!record.FreeRequested, "I3", () => $"IOASID {e.Id} freed twice");
        Require(record.SetId == e.SetId, "free", () => $"IOASID {e.Id} of set {record.SetId} freed through set {e.SetId}");
        var expectedRefs = record.Refs - Math.Min(1, record.Holders.CountOf(Ioasid.CoreHolder));
        Require(e.Refs == expectedRefs, "refs", () => $"FreeRequested says {e.Refs}, expected {expectedRefs} from {record.Refs}");
        if (e.Refs == 0)
        {
            // T7: IDLE free reclaims at once and says nothing (I3).
            Expect($"IoasidReclaimed({e.Id}) for an IDLE free", next => next is IoasidReclaimed r && r.Id == e.Id);
            return;
        }

        Expect($"FREE for {e.Id}", next => next is NotificationPublished { Kind: NotificationKind.Free } n
            && n.Id == e.Id && n.Flags == (NotifyFlags.All | NotifyFlags.Set));
    }

    private static void BeforeReclaimed(PoolState state, IoasidReclaimed e)
    {
        var record = Record(state, e.Id, e.Generation, "I5");
        Require(record.Refs == 0, "I5", () => $"IOASID {e.Id} reclaimed with {record.Refs} references");
        Require(record.SetId == e.SetId, "I5", () => $"IOASID {e.Id} of set {record.SetId} reclaimed from set {e.SetId}");
    }

    private void BeforeSpidAttached(PoolState state, SpidAttached e)
    {
        var record = Record(state, e.Id, e.Generation, "I4");
        Require(!record.HasSpid && !record.FreeRequested && e.Spid != Ioasid.Invalid, "I4",
            () => $"SPID {e.Spid} attached to IOASID {e.Id} (spid {record.Spid}, free requested {record.FreeRequested})");
        Require(record.SetId == e.SetId && !state.Sets[e.SetId].IdsBySpid.ContainsKey(e.Spid), "I4",
            () => $"SPID {e.Spid} already bound in set {e.SetId}");
        Expect($"BIND({e.Id}, {e.Spid})", next => next is NotificationPublished { Kind: NotificationKind.Bind } n && n.Id == e.Id && n.Spid == e.Spid);
    }

    private void BeforeSpidDetached(PoolState state, SpidDetached e)
    {
        var record = Record(state, e.Id, e.Generation, "I4");
        Require(record.Spid == e.Spid && record.SetId == e.SetId, "I4", () => $"SPID {e.Spid} detached from IOASID {e.Id} which has {record.Spid}");
        Require(previous is NotificationPublished { Kind: NotificationKind.Unbind } n && n.Id == e.Id && n.Spid == e.Spid,
            "D8", () => $"UNBIND must go out before the SPID is cleared (V4 order); previous event {previous}");
    }
}
