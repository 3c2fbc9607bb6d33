using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>What must hold just before an event is folded: capacity, sets, notifiers, work.</summary>
public sealed partial class LedgerAudit
{
    private void CheckPreconditions(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case PoolCreated:
                Require(!state.IsCreated, "pool", () => "PoolCreated on an existing pool");
                break;
            case CapacityInstalled e:
                Require(!state.CapacityInstalled && state.Available == state.Capacity && state.Sets.Values.All(s => s.IsDestroyed),
                    "S71", () => $"install_capacity({e.Total}) over sets or reservations");
                break;
            case CapacityReserved e:
                Require(e.Count >= 0 && e.Count <= state.Available && e.Available == state.Available - e.Count, "P1",
                    () => $"reserve {e.Count} of {state.Available} leaves {e.Available}");
                break;
            case CapacityCancelled e:
                Require(e.Count >= 0 && e.Available == state.Available + e.Count, "P1", () => $"cancel {e.Count} from {state.Available} gives {e.Available}");
                break;
            case SetCreated e:
                BeforeSetCreated(state, e);
                break;
            case SetQuotaAdjusted e:
                var adjusted = NonDestroyedSet(state, e.SetId, "adjust");
                Require(e.Quota > 0 && adjusted.Count <= e.Quota && e.Available == state.Available - (e.Quota - adjusted.Quota), "P2",
                    () => $"set {e.SetId} quota {adjusted.Quota} → {e.Quota} with {adjusted.Count} members moves avail {state.Available} → {e.Available}");
                break;
            case SetClosing e:
                var closing = NonDestroyedSet(state, e.SetId, "closing-set");
                Require(closing.IsLive && closing.Count == e.Members && e.Members > 0, "closing-set",
                    () => $"set {e.SetId} ({closing.Lifecycle}, {closing.Count} members) closes with {e.Members}");
                break;
            case SetDestroyed e:
                var destroyed = NonDestroyedSet(state, e.SetId, "R13");
                Require(destroyed.Count == 0, "R13", () => $"set {e.SetId} destroyed with {destroyed.Count} members");
                Require(e.QuotaReturned == destroyed.Quota && e.Available == state.Available + destroyed.Quota, "R15",
                    () => $"set {e.SetId} returns {e.QuotaReturned} of quota {destroyed.Quota}: {state.Available} → {e.Available}");
                break;
            case IoasidAllocated or RefAcquired or RefReleased or FreeRequested or IoasidReclaimed or SpidAttached or SpidDetached:
                BeforeIoasidEvent(state, @event);
                break;
            case PrivateAttached e:
                Require(Record(state, e.Id, e.Generation, "private").Private is null && e.Data is not null, "private", () => $"attach_data over data on {e.Id}");
                break;
            case PrivateDetached e:
                Require(Record(state, e.Id, e.Generation, "private").Private is not null, "private", () => $"detach_data of nothing on {e.Id}");
                break;
            case NotificationPublished e:
                BeforeNotification(state, e);
                break;
            case NotificationAcknowledged e:
                Require(e.NotificationVersion >= 1 && e.NotificationVersion <= state.Version && !string.IsNullOrWhiteSpace(e.Recipient), "ack",
                    () => $"{e.Recipient} acknowledged version {e.NotificationVersion} of {state.Version}");
                break;
            case NotifierRegistered or NotifierActivated or NotifierDeactivated or NotifierUnregistered:
                BeforeNotifierEvent(state, @event);
                break;
            case WorkQueued e:
                Require(!state.IsWorkQueued(e.WorkId) && !string.IsNullOrWhiteSpace(e.WorkId) && !string.IsNullOrWhiteSpace(e.By),
                    "work", () => $"{e.WorkId} queued twice or anonymously");
                break;
            case WorkCompleted e:
                Require(state.Work.Count > 0 && state.Work[0].WorkId == e.WorkId, "work", () => $"{e.WorkId} completed out of order");
                break;
            default:
                throw new InvariantViolationException("unknown-event", $"{@event.GetType().Name} is not audited");
        }
    }

    private void BeforeIoasidEvent(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case IoasidAllocated e: BeforeAllocated(state, e); break;
            case RefAcquired e: BeforeRefAcquired(state, e); break;
            case RefReleased e: BeforeRefReleased(state, e); break;
            case FreeRequested e: BeforeFreeRequested(state, e); break;
            case IoasidReclaimed e: BeforeReclaimed(state, e); break;
            case SpidAttached e: BeforeSpidAttached(state, e); break;
            case SpidDetached e: BeforeSpidDetached(state, e); break;
        }
    }

    private static void BeforeSetCreated(PoolState state, SetCreated e)
    {
        Require(state.LiveSet(e.SetId) is null, "sets", () => $"set {e.SetId} created over a live set");
        Require(Enumerable.Range(0, e.SetId).All(id => state.LiveSet(id) is not null), "sets", () => $"set {e.SetId} is not the lowest free set ID");
        Require(e.Quota >= 0 && e.Quota <= state.Available && e.Available == state.Available - e.Quota, "P2",
            () => $"set {e.SetId} quota {e.Quota} moves avail {state.Available} → {e.Available}");
        Require(e.Type == SetType.Mm ? e.Token is not null && state.MmSet(e.Token) is null : e.Type == SetType.Null && e.Token is null,
            "token", () => $"set {e.SetId} type {e.Type} token '{e.Token}'");
    }
}
