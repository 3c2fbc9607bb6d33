using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Notifications (DOMAIN.md 4.2–4.5, I3, I6) and registrations (2.5, 3.6, R4–R6).</summary>
public sealed partial class LedgerAudit
{
    /// <summary>Insertion sequence of each registration into its current chain, tracked from the events alone.</summary>
    private readonly Dictionary<int, long> chainSequence = [];
    private long nextSequence;
    private int highestNotifierId;

    private void BeforeNotification(PoolState state, NotificationPublished e)
    {
        var record = Record(state, e.Id, e.Generation, "notify");
        Require(e.Spid == record.Spid && e.SetId == record.SetId && e.Private == record.Private, "payload",
            () => $"{e.Kind} payload (spid {e.Spid}, set {e.SetId}, data {e.Private}) differs from the record {record}");
        var flags = e.Kind == NotificationKind.Free ? NotifyFlags.All | NotifyFlags.Set : NotifyFlags.Set;
        Require(e.Flags == flags, "flags", () => $"{e.Kind} published with {e.Flags}");
        var recipients = ExpectedRecipients(state, e.SetId, flags);
        Require(e.Recipients.SequenceEqual(recipients), "4.5", () => $"{e.Kind}({e.Id}) delivered to [{string.Join(", ", e.Recipients)}], expected [{string.Join(", ", recipients)}]");
        RememberRecipients(state, e, flags);

        var history = History(e.Id, e.Generation);
        var lastBinding = history.LastOrDefault(n => n.Kind is NotificationKind.Bind or NotificationKind.Unbind);
        switch (e.Kind)
        {
            case NotificationKind.Alloc:
                Require(history.Count == 0, "ALLOC", () => $"ALLOC for {e.Id}.{e.Generation} after {history.Count} notifications");
                break;
            case NotificationKind.Free:
                Require(record.FreeRequested && history.All(n => n.Kind != NotificationKind.Free), "I3", () => $"second FREE for {e.Id}.{e.Generation}");
                break;
            case NotificationKind.Bind:
                Require(lastBinding.Kind != NotificationKind.Bind, "I6", () => $"BIND({e.Id}, {e.Spid}) while bound to {lastBinding.Spid}");
                break;
            case NotificationKind.Unbind:
                Require(lastBinding.Kind == NotificationKind.Bind && lastBinding.Spid == e.Spid, "I6",
                    () => $"UNBIND({e.Id}, {e.Spid}) without a matching BIND (last {lastBinding.Kind} {lastBinding.Spid})");
                break;
        }

        history.Add((e.Kind, e.Spid));
    }

    /// <summary>Chains from the registrations alone: priority high to low, then insertion order; the global chain first (or merged).</summary>
    private List<string> ExpectedRecipients(PoolState state, int setId, NotifyFlags flags) =>
        [.. ExpectedRegistrations(state, setId, flags).Select(n => n.Name)];

    private IEnumerable<NotifierRegistration> InChainOrder(IEnumerable<NotifierRegistration> chain) =>
        chain.OrderByDescending(n => n.Priority).ThenBy(n => chainSequence[n.NotifierId]);

    private void BeforeNotifierEvent(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case NotifierRegistered e:
                Require(e.NotifierId > highestNotifierId && Enum.IsDefined(e.Priority) && !string.IsNullOrWhiteSpace(e.Name), "register",
                    () => $"registration {e.NotifierId} after {highestNotifierId}: {e.Name} priority {e.Priority}");
                Require(e.Scope switch
                {
                    NotifierScope.Global => e is { SetId: null, Token: null, Active: true } && state.GlobalChain.All(n => n.Name != e.Name),
                    NotifierScope.Set => e is { Token: null, Active: true, SetId: { } setId } && state.LiveSet(setId) is { } target && target.Chain.All(n => n.Name != e.Name),
                    _ => e.Token is not null && e.Active == (state.MmSet(e.Token) is not null) && e.SetId == state.MmSet(e.Token)?.SetId
                        && (state.MmSet(e.Token)?.Count ?? 0) == 0 && !state.PendingList.Any(n => n.Token == e.Token && n.Name == e.Name),
                }, "R4/R5", () => $"registration {e.Name} ({e.Scope}, set {e.SetId}, token {e.Token}, active {e.Active})");
                break;
            case NotifierActivated e:
                Require(state.Notifiers.TryGetValue(e.NotifierId, out var pending) && pending is { Scope: NotifierScope.Mm, Active: false }
                    && state.LiveSet(e.SetId) is { Type: SetType.Mm, Count: 0 } set && set.Token == pending.Token, "3.6",
                    () => $"activation of {e.NotifierId} into set {e.SetId}");
                break;
            case NotifierDeactivated e:
                Require(state.Notifiers.TryGetValue(e.NotifierId, out var active) && active is { Scope: NotifierScope.Mm, Active: true }
                    && active.SetId == e.SetId && state.Sets[e.SetId].IsDestroyed, "3.6", () => $"deactivation of {e.NotifierId} from set {e.SetId}");
                break;
            case NotifierUnregistered e:
                Require(state.Notifiers.ContainsKey(e.NotifierId), "unregister", () => $"unknown registration {e.NotifierId} unregistered");
                break;
        }
    }

    private void AfterNotifierEvent(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case NotifierRegistered e:
                highestNotifierId = e.NotifierId;
                Require(state.Notifiers[e.NotifierId].Active == e.Active, "register", () => $"registration {e.NotifierId} active state lost");
                if (e.Active)
                {
                    chainSequence[e.NotifierId] = ++nextSequence;
                }

                break;
            case NotifierActivated e:
                chainSequence[e.NotifierId] = ++nextSequence;
                Require(state.Notifiers[e.NotifierId] is { Active: true } n && n.SetId == e.SetId && state.Sets[e.SetId].Chain.Contains(n), "3.6",
                    () => $"{e.NotifierId} is not in set {e.SetId}'s chain after activation");
                break;
            case NotifierDeactivated e:
                chainSequence.Remove(e.NotifierId);
                Require(state.Notifiers[e.NotifierId] is { Active: false, SetId: null } && state.Sets[e.SetId].Chain.All(n => n.NotifierId != e.NotifierId),
                    "3.6", () => $"{e.NotifierId} still chained after deactivation");
                break;
            case NotifierUnregistered e:
                chainSequence.Remove(e.NotifierId);
                Require(!state.Notifiers.ContainsKey(e.NotifierId) && state.GlobalChain.All(n => n.NotifierId != e.NotifierId)
                    && state.Sets.Values.All(s => s.Chain.All(n => n.NotifierId != e.NotifierId)), "unregister", () => $"{e.NotifierId} survived unregistration");
                break;
        }
    }
}
