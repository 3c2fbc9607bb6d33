using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Set-level operations (DOMAIN.md 2.2, 3.5).</summary>
internal static class SetDecisions
{
    public static Decision Create(PoolState state, CreateSet command)
    {
        var token = string.IsNullOrEmpty(command.Token) ? null : command.Token;
        var refusal = CheckCreate(state, command, token);
        if (refusal is not null)
        {
            return Decision.Rejected(refusal);
        }

        var setId = LowestFreeSetId(state);
        if (setId < 0)
        {
            return Decision.Error(RejectionReason.NoFreeSetId, Errno.ENOSPC, "no free set ID within capacity_avail");
        }

        var scope = new DecisionScope(state);
        scope.Emit(new SetCreated(setId, command.Type, token, command.Quota, state.Available - command.Quota));
        if (command.Type == SetType.Mm)
        {
            foreach (var pending in state.PendingList.Where(n => !n.Active && n.Token == token))
            {
                scope.Emit(new NotifierActivated(pending.NotifierId, setId)); // V4 10/18; no replay of earlier events.
            }
        }

        return scope.Done(new SetAllocated(setId));
    }

    public static Decision Adjust(PoolState state, AdjustSetQuota command)
    {
        var set = state.LiveSet(command.SetId);
        if (set is null)
        {
            return SetInvalid(command.SetId);
        }

        if (command.Quota <= 0)
        {
            return Decision.Error(RejectionReason.QuotaInvalid, Errno.EINVAL, "quota must be positive");
        }

        if (set.Count > command.Quota)
        {
            return Decision.Error(RejectionReason.QuotaBelowUsage, Errno.EINVAL, $"set {set.SetId} has {set.Count} members");
        }

        var growth = command.Quota - set.Quota;
        if (growth > state.Available)
        {
            return Decision.Error(RejectionReason.CapacityExhausted, Errno.ENOSPC, $"growth {growth} exceeds {state.Available} available");
        }

        return new([new SetQuotaAdjusted(set.SetId, command.Quota, state.Available - growth)], Acknowledged.Instance, null, []);
    }

    public static Decision Free(PoolState state, FreeSet command)
    {
        var set = state.LiveSet(command.SetId);
        if (set is null)
        {
            return SetInvalid(command.SetId);
        }

        if (set.Count > 0)
        {
            return Decision.Error(RejectionReason.SetBusy, Errno.EBUSY, $"set {set.SetId} still has {set.Count} IOASIDs");
        }

        var scope = new DecisionScope(state);
        scope.Destroy(set, "set_free");
        return scope.Done(Acknowledged.Instance);
    }

    public static Decision Release(PoolState state, ReleaseSet command)
    {
        var set = state.LiveSet(command.SetId);
        if (set is null)
        {
            return SetInvalid(command.SetId);
        }

        var scope = new DecisionScope(state);
        var (reclaimed, pending) = IoasidDecisions.FreeMembers(scope, set);
        if (scope.Lifecycle(set) == SetLifecycle.Live)
        {
            if (scope.Members(set) == 0)
            {
                scope.Destroy(set, "released");
            }
            else
            {
                scope.Close(set);
            }
        }

        return scope.Done(new SetReleased(set.SetId, scope.Lifecycle(set), reclaimed, pending));
    }

    public static Decision FreeAll(PoolState state, FreeAllInSet command)
    {
        var set = state.LiveSet(command.SetId);
        if (set is null)
        {
            return Decision.Ignored(RejectionReason.SetInvalid, Errno.EINVAL, $"set {command.SetId} is not valid",
                new SetFreedAll(command.SetId, 0, 0));
        }

        var scope = new DecisionScope(state);
        var (reclaimed, pending) = IoasidDecisions.FreeMembers(scope, set);
        return scope.Done(new SetFreedAll(set.SetId, reclaimed, pending));
    }

    public static Decision SetInvalid(int setId) =>
        Decision.Error(RejectionReason.SetInvalid, Errno.EINVAL, $"set {setId} is unknown or destroyed");

    private static Rejection? CheckCreate(PoolState state, CreateSet command, string? token) => command switch
    {
        _ when !Enum.IsDefined(command.Type) => Rejection.Error(RejectionReason.InvalidSetType, Errno.EINVAL, $"set type {(int)command.Type} is not NULL (1) or MM (2)"),
        _ when command.Quota < 0 => Rejection.Error(RejectionReason.QuotaInvalid, Errno.EINVAL, "quota must not be negative"),
        _ when command.Quota > state.Available => Rejection.Error(RejectionReason.CapacityExhausted, Errno.ENOSPC, $"quota {command.Quota} exceeds {state.Available} available"),
        { Type: SetType.Mm } when token is null => Rejection.Error(RejectionReason.TokenRequired, Errno.EINVAL, "an MM set needs an mm token"),
        { Type: SetType.Mm } when state.MmSet(token!) is not null => Rejection.Error(RejectionReason.TokenInUse, Errno.EEXIST, $"token {token} already has a set"),
        { Type: SetType.Null } when token is not null => Rejection.Error(RejectionReason.TokenNotAllowed, Errno.EINVAL, "a NULL set takes no token"),
        _ => null,
    };

    /// <summary>Set IDs are allocated lowest-free from 0, bounded by <c>capacity_avail</c> (DOMAIN.md 1.2).</summary>
    private static int LowestFreeSetId(PoolState state)
    {
        for (var setId = 0; setId <= state.Available && setId < int.MaxValue; setId++)
        {
            if (state.LiveSet(setId) is null)
            {
                return setId;
            }
        }

        return -1;
    }
}
