using System.Diagnostics;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain;

/// <summary>Set events folded into the pool.</summary>
internal static class SetEvolution
{
    public static void Apply(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case SetCreated e:
                state.PutSet(new IoasidSet(e.SetId, e.Type, e.Token, e.Quota));
                state.Available = e.Available;
                break;
            case SetQuotaAdjusted e:
                state.Sets[e.SetId].Quota = e.Quota;
                state.Available = e.Available;
                break;
            case SetClosing e:
                state.Sets[e.SetId].Lifecycle = SetLifecycle.Closing;
                break;
            case SetDestroyed e:
                var set = state.Sets[e.SetId];
                set.Lifecycle = SetLifecycle.Destroyed;
                state.ForgetMmToken(set);
                state.Available = e.Available;
                break;
            default:
                throw new UnreachableException($"{@event.GetType().Name} is not a set event.");
        }
    }
}
