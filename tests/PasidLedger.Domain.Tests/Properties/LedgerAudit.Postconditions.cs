using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>What Evolve must have done with each event: the state agrees with the values the event carries.</summary>
public sealed partial class LedgerAudit
{
    private void CheckPostconditions(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case CapacityInstalled e:
                NetReserved = 0;
                Require(state.Capacity == e.Total && state.Available == e.Total, "install", () => $"capacity {state.Capacity}/{state.Available} after installing {e.Total}");
                break;
            case CapacityReserved e:
                NetReserved += e.Count;
                Require(state.Available == e.Available, "P1", () => $"avail {state.Available} after a reserve leaving {e.Available}");
                break;
            case CapacityCancelled e:
                NetReserved -= e.Count;
                Require(state.Available == e.Available, "P1", () => $"avail {state.Available} after a cancel giving {e.Available}");
                break;
            case SetCreated e:
                Require(state.LiveSet(e.SetId) is { IsLive: true, Count: 0 } created && created.Quota == e.Quota && created.Token == e.Token && created.Type == e.Type
                    && state.Available == e.Available && (e.Type != SetType.Mm || state.MmSet(e.Token!) == created), "sets", () => $"set {e.SetId} not created as {e}");
                break;
            case SetQuotaAdjusted e:
                Require(state.Sets[e.SetId].Quota == e.Quota && state.Available == e.Available, "P2", () => $"set {e.SetId} not adjusted as {e}");
                break;
            case SetClosing e:
                Require(state.Sets[e.SetId].Lifecycle == SetLifecycle.Closing, "closing-set", () => $"set {e.SetId} is not CLOSING");
                break;
            case SetDestroyed e:
                var set = state.Sets[e.SetId];
                Require(set.IsDestroyed && state.Available == e.Available && (set.Type != SetType.Mm || state.MmSet(set.Token!) is null), "R13",
                    () => $"set {e.SetId} not destroyed as {e}");
                break;
            case IoasidAllocated e:
                generations[e.Id] = e.Generation;
                HighestId = Math.Max(HighestId, e.Id);
                Require(state.Find(e.Id) is { Refs: 1, FreeRequested: false, Spid: Ioasid.Invalid } r && r.Holders.CountOf(Ioasid.CoreHolder) == 1
                    && r.Private == e.Private && r.SetId == e.SetId && state.Sets[e.SetId].Members.Contains(e.Id), "T1", () => $"IOASID {e.Id} not allocated as {e}");
                break;
            case RefAcquired e:
                Require(state.Find(e.Id) is { } acquired && acquired.Refs == e.Refs && acquired.Holders.CountOf(e.Holder) > 0, "refs", () => $"refs of {e.Id} are not {e.Refs}");
                break;
            case RefReleased e:
                Require(state.Find(e.Id) is { } released && released.Refs == e.Refs, "refs", () => $"refs of {e.Id} are not {e.Refs}");
                break;
            case FreeRequested e:
                Require(state.Find(e.Id) is { FreeRequested: true } freed && freed.Refs == e.Refs, "T8", () => $"IOASID {e.Id} not FREE_PENDING with {e.Refs} refs");
                break;
            case IoasidReclaimed e:
                Require(state.Find(e.Id) is null && !state.Sets[e.SetId].Members.Contains(e.Id) && !state.Sets[e.SetId].IdsBySpid.Values.Contains(e.Id)
                    && state.LastGeneration(e.Id) == e.Generation, "I5", () => $"IOASID {e.Id} not fully reclaimed");
                break;
            case SpidAttached e:
                Require(state.Find(e.Id)!.Spid == e.Spid && state.Sets[e.SetId].IdsBySpid.GetValueOrDefault(e.Spid) == e.Id, "I4", () => $"SPID {e.Spid} not bound to {e.Id}");
                break;
            case SpidDetached e:
                Require(!state.Find(e.Id)!.HasSpid && !state.Sets[e.SetId].IdsBySpid.ContainsKey(e.Spid), "I4", () => $"SPID {e.Spid} still bound to {e.Id}");
                break;
            case PrivateAttached e:
                Require(state.Find(e.Id)!.Private == e.Data, "private", () => $"data of {e.Id} is not {e.Data}");
                break;
            case PrivateDetached e:
                Require(state.Find(e.Id)!.Private is null, "private", () => $"data of {e.Id} survived detach");
                break;
            case NotifierRegistered or NotifierActivated or NotifierDeactivated or NotifierUnregistered:
                AfterNotifierEvent(state, @event);
                break;
            case WorkQueued e:
                Require(state.Work.Count > 0 && state.Work[^1] == new WorkItem(e.WorkId, e.By, e.Id, e.Cause), "work", () => $"{e.WorkId} is not at the tail");
                break;
            case WorkCompleted e:
                Require(!state.IsWorkQueued(e.WorkId), "work", () => $"{e.WorkId} still queued");
                break;
        }
    }
}
