using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Allocation, free and references (DOMAIN.md 2.3, transitions T1–T12).</summary>
internal static class IoasidDecisions
{
    public static Decision Allocate(PoolState state, AllocateIoasid command)
    {
        var set = state.LiveSet(command.SetId);
        if (set is null)
        {
            return SetDecisions.SetInvalid(command.SetId);
        }

        if (!set.IsLive)
        {
            return Decision.Error(RejectionReason.SetClosing, Errno.EINVAL, $"set {set.SetId} is closing");
        }

        if (set.Quota > 0 && set.Count >= set.Quota)
        {
            return Decision.Error(RejectionReason.QuotaExceeded, Errno.ENOSPC, $"set {set.SetId} has {set.Count} of quota {set.Quota}");
        }

        // Check 5: an empty range (min > max) has no free ID either. Model: ID 0 stays reserved and the
        // range is clamped to the installed capacity (S14).
        var id = command.Min > command.Max ? -1 : state.UsedIds.FindFirstFree(Math.Max(command.Min, 1u), (uint)Math.Min(command.Max, state.Capacity - 1));
        if (id < 0)
        {
            return Decision.Error(RejectionReason.NoFreeId, Errno.ENOSPC, $"no free ID in [{command.Min}, {command.Max}]");
        }

        var record = IoasidRecord.Allocated((uint)id, state.NextGeneration((uint)id), set.SetId, command.Private);
        var scope = new DecisionScope(state);
        scope.Emit(new IoasidAllocated(record.Id, record.Generation, set.SetId, command.Min, command.Max, command.Private));
        scope.Allocated(record);
        scope.React(NotificationKind.Alloc, record.Id, scope.Notify(NotificationKind.Alloc, record, NotifyFlags.Set));
        return scope.Done(new IoasidGranted(record.Id, record.Generation));
    }

    public static Decision Acquire(PoolState state, AcquireRef command)
    {
        var (record, refusal) = Handle(state, command.Id, command.Generation, Errno.EINVAL, ignoreUnknown: false);
        refusal ??= CheckHolder(command.Holder)
            ?? (record!.FreeRequested ? FreePending(record.Id) : null)
            ?? IoasidLookup.CheckOwner(state, record!, command.SetId);
        return refusal is not null ? Decision.Rejected(refusal) : Acquired(state, record!, command.Holder);
    }

    public static Decision AcquireIfOwned(PoolState state, AcquireRefIfOwned command)
    {
        var (record, refusal) = Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: false);
        if (refusal is not null)
        {
            return Decision.Rejected(refusal);
        }

        var set = state.Sets[record!.SetId];
        refusal = CheckHolder(command.Holder)
            ?? (set.Type != SetType.Mm ? Rejection.Error(RejectionReason.NotMmSet, Errno.EINVAL, $"set {set.SetId} is not an MM set") : null)
            ?? (command.Caller != set.Token ? Rejection.Error(RejectionReason.NotOwner, Errno.EPERM, $"caller {command.Caller ?? "(none)"} does not own IOASID {record.Id}") : null)
            ?? (record.FreeRequested ? FreePending(record.Id) : null);
        return refusal is not null ? Decision.Rejected(refusal) : Acquired(state, record, command.Holder);
    }

    public static Decision Release(PoolState state, ReleaseRef command)
    {
        var (record, refusal) = Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: true);
        refusal ??= CheckHolder(command.Holder)
            ?? (command.SetId is { } setId && setId != record!.SetId
                ? Rejection.Ignore(RejectionReason.NotOwner, Errno.EACCES, $"IOASID {record.Id} belongs to set {record.SetId}, not {setId}")
                : null)
            ?? (record!.Holders.CountOf(command.Holder) == 0
                ? Rejection.Error(RejectionReason.NotHolder, Errno.EINVAL, $"{command.Holder} holds no reference on IOASID {record.Id}")
                : null);
        if (refusal is not null)
        {
            return Decision.Rejected(refusal, refusal.Ignored ? new RefsChanged(command.Id, state.Find(command.Id)?.Refs ?? 0, false) : null);
        }

        var scope = new DecisionScope(state);
        var reclaimed = scope.Release(record!, command.Holder);
        return scope.Done(new RefsChanged(record!.Id, reclaimed ? 0 : record.Refs - 1, reclaimed));
    }

    public static Decision Free(PoolState state, FreeIoasid command)
    {
        var (record, refusal) = Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: true);
        refusal ??= command.SetId != record!.SetId
            ? Rejection.Ignore(RejectionReason.NotOwner, Errno.EACCES, $"IOASID {record.Id} belongs to set {record.SetId}, not {command.SetId?.ToString() ?? "NULL"}")
            : null;
        refusal ??= record!.FreeRequested
            ? Rejection.Ignore(RejectionReason.FreePending, Errno.EBUSY, $"IOASID {record.Id} is already FREE_PENDING; no second FREE")
            : null;
        if (refusal is not null)
        {
            return Decision.Rejected(refusal, refusal.Ignored ? new FreeOutcome(FreeResult.Ignored) : null);
        }

        var scope = new DecisionScope(state);
        return scope.Done(new FreeOutcome(FreeOne(scope, record!)));
    }

    /// <summary><c>free_all_in_set</c>: free every member not already FREE_PENDING, in ascending order.</summary>
    public static (int Reclaimed, int FreePending) FreeMembers(DecisionScope scope, IoasidSet set)
    {
        var (reclaimed, pending) = (0, 0);
        foreach (var id in set.Members)
        {
            var record = scope.Ioasid(id);
            if (record is null || record.FreeRequested)
            {
                continue;
            }

            _ = FreeOne(scope, record) == FreeResult.Reclaimed ? reclaimed++ : pending++;
        }

        return (reclaimed, pending);
    }

    /// <summary>T7/T8: FREE_PENDING, drop the allocation reference, then reclaim silently or publish FREE once.</summary>
    private static FreeResult FreeOne(DecisionScope scope, IoasidRecord record)
    {
        var parked = record.Parked();
        scope.Emit(new FreeRequested(record.Id, record.Generation, record.SetId, parked.Refs));
        if (parked.Refs == 0)
        {
            scope.Reclaim(parked);
            return FreeResult.Reclaimed;
        }

        scope.Track(parked);
        scope.React(NotificationKind.Free, record.Id, scope.Notify(NotificationKind.Free, parked, NotifyFlags.All | NotifyFlags.Set));
        return scope.Ioasid(record.Id) is null ? FreeResult.Reclaimed : FreeResult.FreePending;
    }

    /// <summary>Resolves an ID handle: unknown and stale generations are refused (R18).</summary>
    internal static (IoasidRecord? Record, Rejection? Refusal) Handle(PoolState state, uint id, int? generation, Errno unknownErrno, bool ignoreUnknown)
    {
        var record = state.Find(id);
        if (record is null)
        {
            var detail = $"IOASID {id} is not allocated";
            return (null, ignoreUnknown
                ? Rejection.Ignore(RejectionReason.UnknownId, unknownErrno, detail)
                : Rejection.Error(RejectionReason.UnknownId, unknownErrno, detail));
        }

        return generation is { } expected && expected != record.Generation
            ? (null, Rejection.Error(RejectionReason.StaleHandle, Errno.ESTALE, $"IOASID {id} is generation {record.Generation}, the handle names {expected}"))
            : (record, null);
    }

    internal static Rejection FreePending(uint id) =>
        Rejection.Error(RejectionReason.FreePending, Errno.EBUSY, $"IOASID {id} is FREE_PENDING; no new references");

    private static Rejection? CheckHolder(string holder) =>
        string.IsNullOrWhiteSpace(holder) ? Rejection.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "a reference needs a holder name") : null;

    private static Decision Acquired(PoolState state, IoasidRecord record, string holder)
    {
        var scope = new DecisionScope(state);
        var next = scope.Acquire(record, holder);
        return scope.Done(new RefsChanged(next.Id, next.Refs, false));
    }
}
