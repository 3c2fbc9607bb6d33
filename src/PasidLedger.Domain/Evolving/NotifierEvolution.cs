using System.Diagnostics;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain;

/// <summary>Registration events folded into the pending list and the chains.</summary>
internal static class NotifierEvolution
{
    public static void Apply(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case NotifierRegistered e:
                var registration = new NotifierRegistration(e.NotifierId, e.Name, e.Scope, e.SetId, e.Token,
                    e.Priority, e.Endpoint, e.Reactions, e.Active, e.Active ? state.NextChainOrder++ : 0);
                state.PutNotifier(registration);
                state.NextNotifierId = e.NotifierId + 1;
                Rechain(state, registration);
                break;
            case NotifierActivated e:
                Move(state, e.NotifierId, r => r with { Active = true, SetId = e.SetId, ChainOrder = state.NextChainOrder++ });
                break;
            case NotifierDeactivated e:
                Move(state, e.NotifierId, r => r with { Active = false, SetId = null, ChainOrder = 0 });
                break;
            case NotifierUnregistered e:
                var removed = state.Notifiers[e.NotifierId];
                state.RemoveNotifier(e.NotifierId);
                Rechain(state, removed);
                break;
            default:
                throw new UnreachableException($"{@event.GetType().Name} is not a notifier event.");
        }
    }

    private static void Move(PoolState state, int notifierId, Func<NotifierRegistration, NotifierRegistration> change)
    {
        var before = state.Notifiers[notifierId];
        var after = change(before);
        state.PutNotifier(after);
        Rechain(state, before);
        Rechain(state, after);
    }

    /// <summary>Rebuilds the chain a registration belongs (or belonged) to, in delivery order.</summary>
    private static void Rechain(PoolState state, NotifierRegistration registration)
    {
        if (registration.Scope == NotifierScope.Global)
        {
            state.SetGlobalChain(Chains.Order(state.Notifiers.Values.Where(n => n.Scope == NotifierScope.Global)));
            return;
        }

        if (registration.SetId is { } setId && state.Sets.TryGetValue(setId, out var set))
        {
            set.Chain = Chains.Order(state.Notifiers.Values.Where(n => n.Active && n.SetId == setId && n.Scope != NotifierScope.Global));
        }
    }
}
