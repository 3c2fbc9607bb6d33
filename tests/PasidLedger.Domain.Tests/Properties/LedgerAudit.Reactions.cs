using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// Immediate reactions (DOMAIN.md 4.6): every reaction of every recipient, in delivery order, either
/// shows up as its event right after the notification or as a refusal with a legal reason.
/// </summary>
public sealed partial class LedgerAudit
{
    private readonly List<(int Index, NotificationPublished Notification, List<NotifierRegistration> Recipients)> published = [];
    private int eventIndex;

    private void RememberRecipients(PoolState state, NotificationPublished e, NotifyFlags flags) =>
        published.Add((eventIndex, e, ExpectedRegistrations(state, e.SetId, flags)));

    private void CheckReactions(Decision decision)
    {
        var events = decision.Events;
        for (var p = 0; p < published.Count; p++)
        {
            var (index, notification, recipients) = published[p];
            var end = p + 1 < published.Count ? published[p + 1].Index : events.Count;
            var nextFree = events.Skip(index + 1).Take(end - index - 1).TakeWhile(e => e is not FreeRequested).Count();
            var window = events.Skip(index + 1).Take(nextFree).Where(e => e is RefAcquired or RefReleased or WorkQueued).ToList();
            var refusals = decision.ReactionRejections.Where(r => r.On == notification.Kind && r.Id == notification.Id).ToList();
            var (consumed, refused) = (0, 0);
            foreach (var registration in recipients)
            {
                foreach (var reaction in registration.Reactions.Where(r => r.On == notification.Kind))
                {
                    var holder = reaction.Holder ?? registration.Name;
                    var next = consumed < window.Count ? window[consumed] : null;
                    var applied = reaction.Action switch
                    {
                        ReactionAction.Get => next is RefAcquired a && a.Id == notification.Id && a.Holder == holder,
                        ReactionAction.Put => next is RefReleased r && r.Id == notification.Id && r.Holder == holder,
                        ReactionAction.QueueWork => next is WorkQueued w && w.By == registration.Name && w.Id == notification.Id && w.Cause == notification.Kind,
                        _ => false,
                    };
                    _ = applied ? consumed++ : refused++;
                }
            }

            Require(consumed == window.Count && refused == refusals.Count, "4.6",
                () => $"{notification.Kind}({notification.Id}): {window.Count} reaction events and {refusals.Count} refusals, the chain explains {consumed} and {refused}");
            foreach (var refusal in refusals)
            {
                var legal = refusal.Action switch
                {
                    ReactionAction.Get => refusal.Rejection.Reason is RejectionReason.FreePending or RejectionReason.UnknownId,
                    ReactionAction.Put => refusal.Rejection.Reason is RejectionReason.NotHolder or RejectionReason.UnknownId,
                    ReactionAction.QueueWork => refusal.Rejection.Reason is RejectionReason.WorkAlreadyQueued,
                    _ => refusal.Rejection.Reason is RejectionReason.ChainedNotification && refusal.Rejection.Errno == Errno.EDEADLK,
                };
                Require(legal, "4.6", () => $"reaction refused for no legal reason: {refusal}");
            }
        }

        published.Clear();
        eventIndex = 0;
    }

    private List<NotifierRegistration> ExpectedRegistrations(PoolState state, int setId, NotifyFlags flags)
    {
        var global = flags.HasFlag(NotifyFlags.All) ? state.Notifiers.Values.Where(n => n.Scope == NotifierScope.Global) : [];
        var local = flags.HasFlag(NotifyFlags.Set) ? state.Notifiers.Values.Where(n => n.Scope != NotifierScope.Global && n.Active && n.SetId == setId) : [];
        return state.Options.Dispatch == DispatchPolicy.PerChainGlobalFirst
            ? [.. InChainOrder(global).Concat(InChainOrder(local))]
            : [.. global.Concat(local).OrderByDescending(n => n.Priority).ThenBy(n => n.Scope != NotifierScope.Global).ThenBy(n => chainSequence[n.NotifierId])];
    }
}
