using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Publishing a notification and applying the immediate reactions of its recipients (DOMAIN.md 4.6).</summary>
internal sealed partial class DecisionScope
{
    /// <summary>Records the notification with its ordered recipients and returns them.</summary>
    public IReadOnlyList<NotifierRegistration> Notify(NotificationKind kind, IoasidRecord record, NotifyFlags flags)
    {
        var recipients = Chains.Recipients(State, State.Sets[record.SetId], flags);
        var names = new string[recipients.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = recipients[i].Name;
        }

        Emit(new NotificationPublished(kind, record.Id, record.Generation, record.Spid, record.SetId, record.Private, flags, names));
        return recipients;
    }

    /// <summary>Runs each recipient's reactions to <paramref name="kind"/> in delivery order, as the atomic chain would.</summary>
    public void React(NotificationKind kind, uint id, IReadOnlyList<NotifierRegistration> recipients)
    {
        foreach (var registration in recipients)
        {
            foreach (var reaction in registration.Reactions)
            {
                if (reaction.On == kind)
                {
                    Apply(kind, id, registration, reaction);
                }
            }
        }
    }

    private void Apply(NotificationKind kind, uint id, NotifierRegistration registration, Reaction reaction)
    {
        var refusal = reaction.Action switch
        {
            ReactionAction.Get => GetLocked(id, reaction.Holder ?? registration.Name),
            ReactionAction.Put => PutLocked(id, reaction.Holder ?? registration.Name),
            ReactionAction.QueueWork => QueueFromHandler(kind, id, registration.Name),
            _ => Rejection.Error(RejectionReason.ChainedNotification, Errno.EDEADLK,
                $"{reaction.Action} notifies or sleeps and cannot run inside the {kind} handler of {registration.Name}; queue work instead"),
        };
        if (refusal is not null)
        {
            RejectReaction(new ReactionRejection(registration.Name, kind, reaction.Action, id, refusal));
        }
    }

    private Rejection? GetLocked(uint id, string holder)
    {
        var record = Ioasid(id);
        if (record is null)
        {
            return Rejection.Error(RejectionReason.UnknownId, Errno.EINVAL, $"IOASID {id} was reclaimed inside the chain");
        }

        if (record.FreeRequested)
        {
            return Rejection.Error(RejectionReason.FreePending, Errno.EBUSY, $"IOASID {id} is FREE_PENDING; no new references");
        }

        Acquire(record, holder);
        return null;
    }

    private Rejection? PutLocked(uint id, string holder)
    {
        var record = Ioasid(id);
        if (record is null)
        {
            return Rejection.Ignore(RejectionReason.UnknownId, Errno.ENOENT, $"IOASID {id} was reclaimed inside the chain");
        }

        if (record.Holders.CountOf(holder) == 0)
        {
            return Rejection.Error(RejectionReason.NotHolder, Errno.EINVAL, $"{holder} holds no reference on IOASID {id}");
        }

        Release(record, holder);
        return null;
    }

    private Rejection? QueueFromHandler(NotificationKind kind, uint id, string by)
    {
        var record = Ioasid(id);
        var workId = $"{by}:{kind.ToString().ToLowerInvariant()}:{id}.{record?.Generation ?? State.LastGeneration(id)}";
        if (IsWorkQueued(workId))
        {
            return Rejection.Ignore(RejectionReason.WorkAlreadyQueued, Errno.EBUSY, $"{workId} is already queued");
        }

        Queue(new WorkItem(workId, by, id, kind));
        return null;
    }
}
