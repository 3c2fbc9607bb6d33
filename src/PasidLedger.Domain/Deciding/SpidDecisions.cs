using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>SPIDs: BIND, UNBIND and lookup with a reference (DOMAIN.md 2.4, D7, D8).</summary>
internal static class SpidDecisions
{
    public static Decision Attach(PoolState state, AttachSpid command)
    {
        if (command.Spid == Ioasid.Invalid)
        {
            return Decision.Error(RejectionReason.SpidInvalid, Errno.EINVAL, "INVALID is not an SPID");
        }

        var (record, refusal) = IoasidDecisions.Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: false);
        refusal ??= record!.FreeRequested ? IoasidDecisions.FreePending(record.Id) : null;
        refusal ??= record!.HasSpid
            ? Rejection.Error(RejectionReason.SpidPresent, Errno.EBUSY, $"IOASID {record.Id} already has SPID {record.Spid}; one BIND per bind cycle")
            : null;
        refusal ??= state.Sets[record!.SetId].IdsBySpid.TryGetValue(command.Spid, out var other)
            ? Rejection.Error(RejectionReason.SpidCollision, Errno.EINVAL, $"SPID {command.Spid} is used by IOASID {other} in set {record.SetId}")
            : null;
        if (refusal is not null)
        {
            return Decision.Rejected(refusal);
        }

        var bound = record!.Bound(command.Spid);
        var scope = new DecisionScope(state);
        scope.Emit(new SpidAttached(record.Id, record.Generation, record.SetId, command.Spid));
        scope.Track(bound);
        scope.React(NotificationKind.Bind, record.Id, scope.Notify(NotificationKind.Bind, bound, NotifyFlags.Set));
        return scope.Done(Acknowledged.Instance);
    }

    public static Decision Detach(PoolState state, DetachSpid command)
    {
        var (record, refusal) = IoasidDecisions.Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: true);
        refusal ??= record!.HasSpid ? null : Rejection.Ignore(RejectionReason.NoSpid, Errno.ENOENT, $"IOASID {record.Id} has no SPID; no UNBIND");
        if (refusal is not null)
        {
            return Decision.Rejected(refusal, refusal.Ignored ? Acknowledged.Instance : null);
        }

        // V4 order: UNBIND goes out before the SPID is cleared, so the payload carries it.
        var scope = new DecisionScope(state);
        var recipients = scope.Notify(NotificationKind.Unbind, record!, NotifyFlags.Set);
        scope.Emit(new SpidDetached(record!.Id, record.Generation, record.SetId, record.Spid));
        scope.Track(record.Unbound());
        scope.React(NotificationKind.Unbind, record.Id, recipients);
        return scope.Done(Acknowledged.Instance);
    }

    public static Decision AcquireBySpid(PoolState state, AcquireRefBySpid command)
    {
        var notFound = new SpidResolved(null);
        var set = state.LiveSet(command.SetId);
        var refusal = set is null
            ? Rejection.Ignore(RejectionReason.SetInvalid, Errno.EINVAL, $"set {command.SetId} is unknown or destroyed")
            : string.IsNullOrWhiteSpace(command.Holder)
                ? Rejection.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "a reference needs a holder name")
                : null;
        var id = refusal is null ? SpidLookup.Find(state, set!, command.Spid) : null;
        refusal ??= id is null ? Rejection.Ignore(RejectionReason.SpidNotFound, Errno.ENOENT, $"SPID {command.Spid} is not bound in set {command.SetId}") : null;
        var record = id is { } found ? state.Find(found) : null;
        refusal ??= record!.FreeRequested
            ? Rejection.Ignore(RejectionReason.FreePending, Errno.EBUSY, $"IOASID {record.Id} is FREE_PENDING; no new references (R10)")
            : null;
        if (refusal is not null)
        {
            return Decision.Rejected(refusal, refusal.Ignored ? notFound : null);
        }

        var scope = new DecisionScope(state);
        scope.Acquire(record!, command.Holder);
        return scope.Done(new SpidResolved(record!.Id));
    }
}
