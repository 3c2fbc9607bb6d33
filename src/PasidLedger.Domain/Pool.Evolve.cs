using System.Diagnostics;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain;

/// <summary>Folding events into the pool state.</summary>
public static partial class Pool
{
    /// <summary>Applies one event in place and returns the state; an unknown event is a bug.</summary>
    public static PoolState Evolve(PoolState state, PoolEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        switch (@event)
        {
            case PoolCreated e:
                state.Name = e.Pool;
                state.Options = e.Options;
                break;
            case CapacityInstalled e:
                state.InstallCapacity(e.Total);
                break;
            case CapacityReserved e:
                state.Available = e.Available;
                break;
            case CapacityCancelled e:
                state.Available = e.Available;
                break;
            case SetCreated or SetQuotaAdjusted or SetClosing or SetDestroyed:
                SetEvolution.Apply(state, @event);
                break;
            case IoasidAllocated or RefAcquired or RefReleased or FreeRequested or IoasidReclaimed:
                IoasidEvolution.Apply(state, @event);
                break;
            case PrivateAttached or PrivateDetached or SpidAttached or SpidDetached:
                IoasidEvolution.Apply(state, @event);
                break;
            case NotificationPublished:
                break; // A record of delivery; the state moved with the events around it.
            case NotificationAcknowledged:
                break; // An audit record: a recipient's answer changes nothing in the pool.
            case NotifierRegistered or NotifierActivated or NotifierDeactivated or NotifierUnregistered:
                NotifierEvolution.Apply(state, @event);
                break;
            case WorkQueued e:
                state.Enqueue(new WorkItem(e.WorkId, e.By, e.Id, e.Cause));
                break;
            case WorkCompleted e:
                state.Dequeue(e.WorkId);
                break;
            default:
                throw new UnreachableException($"No Evolve arm for {@event.GetType().Name}.");
        }

        state.Version++;
        return state;
    }
}
