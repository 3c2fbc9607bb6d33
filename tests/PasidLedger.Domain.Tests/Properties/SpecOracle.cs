using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;
using static PasidLedger.Domain.Tests.Properties.SpecOutcome;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// The expected outcome of each command on a state, written from DOMAIN.md 2.1–2.5 (checks in the
/// order the document lists them) and the Model choices of 3.1–3.6 and appendix B.
/// </summary>
public static partial class SpecOracle
{
    public static SpecOutcome Expect(PoolState state, PoolCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            // Service rule (issue 10): options are fixed at creation; creating again with others is EEXIST.
            CreatePool c when state.IsCreated => c.Options is { } options && options != state.Options ? Error(Errno.EEXIST) : Ok,
            CreatePool c => !string.IsNullOrWhiteSpace(c.Pool) ? Ok : Error(Errno.EINVAL),
            InstallCapacity c when c.Total < 1 || c.Total > Ioasid.MaxCapacity => Error(Errno.EINVAL),
            InstallCapacity => state.CapacityInstalled ? Ignore // 2.1: ignored, "already set"
                : state.Available != state.Capacity || state.Sets.Values.Any(s => !s.IsDestroyed) ? Error(Errno.EBUSY) : Ok, // S71
            ReserveCapacity c => c.Count < 0 ? Error(Errno.EINVAL) : c.Count > state.Available ? Error(Errno.ENOSPC) : Ok,
            CancelCapacity c => c.Count < 0 || c.Count + state.Available > state.Capacity || c.Count > Reserved(state) ? Error(Errno.EINVAL) : Ok,
            CreateSet c => CreateSet(state, c),
            AdjustSetQuota c => state.LiveSet(c.SetId) is not { } set || c.Quota <= 0 || set.Count > c.Quota ? Error(Errno.EINVAL)
                : c.Quota - set.Quota > state.Available ? Error(Errno.ENOSPC) : Ok,
            FreeSet c => state.LiveSet(c.SetId) is not { } set ? Error(Errno.EINVAL) : set.Count > 0 ? Error(Errno.EBUSY) : Ok,
            ReleaseSet c => state.LiveSet(c.SetId) is null ? Error(Errno.EINVAL) : Ok,
            FreeAllInSet c => state.LiveSet(c.SetId) is null ? Ignore : Ok,
            AllocateIoasid c => Allocate(state, c),
            RegisterNotifier c => Register(state, c),
            UnregisterNotifier c => !state.Notifiers.TryGetValue(c.NotifierId, out var n) ? Ignore
                : c.Via == UnregisterVia.Set && state.PendingList.Any(p => p.Name == n.Name) ? Ignore // R6
                : c.Via == UnregisterVia.Mm && n.Scope != NotifierScope.Mm ? Ignore : Ok,
            QueueWork c => string.IsNullOrWhiteSpace(c.WorkId) || string.IsNullOrWhiteSpace(c.By) ? Error(Errno.EINVAL)
                : state.IsWorkQueued(c.WorkId) ? Ignore : Ok,
            CompleteWork c => !state.IsWorkQueued(c.WorkId) ? Error(Errno.ENOENT) : state.Work[0].WorkId != c.WorkId ? Error(Errno.EBUSY) : Ok,
            // Issue 11: an audit record of an earlier version; the pool cannot tell which event that version was.
            AcknowledgeNotification c => string.IsNullOrWhiteSpace(c.Recipient) || !Enum.IsDefined(c.Kind)
                || c.NotificationVersion < 1 || c.NotificationVersion > state.Version ? Error(Errno.EINVAL) : Ok,
            _ => ForIoasid(state, command),
        };
    }

    private static SpecOutcome CreateSet(PoolState state, CreateSet c)
    {
        var token = string.IsNullOrEmpty(c.Token) ? null : c.Token;
        return c switch
        {
            _ when !Enum.IsDefined(c.Type) || c.Quota < 0 => Error(Errno.EINVAL), // 2.2 check 1; a negative quota is invalid
            _ when c.Quota > state.Available => Error(Errno.ENOSPC), // check 3
            { Type: SetType.Mm } when token is null => Error(Errno.EINVAL), // check 4
            { Type: SetType.Mm } when state.MmSet(token) is not null => Error(Errno.EEXIST), // check 5
            { Type: SetType.Null } when token is not null => Error(Errno.EINVAL), // check 6
            _ when !Enumerable.Range(0, (int)Math.Min(state.Available, 4096) + 1).Any(id => state.LiveSet(id) is null) => Error(Errno.ENOSPC), // check 8
            _ => Ok,
        };
    }

    private static SpecOutcome Allocate(PoolState state, AllocateIoasid c)
    {
        if (state.LiveSet(c.SetId) is not { } set || !set.IsLive)
        {
            return Error(Errno.EINVAL); // SetInvalid, SetClosing
        }

        if (set.Quota > 0 && set.Count >= set.Quota)
        {
            return Error(Errno.ENOSPC); // QuotaExceeded: FREE_PENDING members still count
        }

        if (c.Min > c.Max)
        {
            return Error(Errno.ENOSPC); // NoFreeId: an empty range has no free ID (2.3 check 5)
        }

        var low = Math.Max(c.Min, 1u);
        var high = Math.Min(c.Max, state.Capacity - 1);
        var id = (long)low;
        while (id <= high && state.Find((uint)id) is not null)
        {
            id++;
        }

        return id <= high ? Ok : Error(Errno.ENOSPC); // NoFreeId; S14 clamps to capacity − 1
    }

    /// <summary>Capacity taken by reserve_capacity, not by set quotas (the Model's cancel bound).</summary>
    private static long Reserved(PoolState state) =>
        state.Capacity - state.Available - state.Sets.Values.Where(s => !s.IsDestroyed).Sum(s => s.Quota);

    private static SpecOutcome Register(PoolState state, RegisterNotifier c)
    {
        if (string.IsNullOrWhiteSpace(c.Name) || !Enum.IsDefined(c.Scope) || !Enum.IsDefined(c.Priority)
            || c.Reactions.Any(r => !Enum.IsDefined(r.On) || !Enum.IsDefined(r.Action)))
        {
            return Error(Errno.EINVAL);
        }

        return c.Scope switch
        {
            NotifierScope.Global => state.GlobalChain.Any(n => n.Name == c.Name) ? Error(Errno.EBUSY) : Ok, // R4 (Model)
            NotifierScope.Set => c.SetId is not { } setId || state.LiveSet(setId) is not { } set ? Error(Errno.EINVAL)
                : set.Chain.Any(n => n.Name == c.Name) ? Error(Errno.EBUSY) : Ok,
            _ => string.IsNullOrEmpty(c.Token) ? Error(Errno.EINVAL)
                : state.PendingList.Any(n => n.Token == c.Token && n.Name == c.Name) ? Error(Errno.EBUSY) // R4
                : state.MmSet(c.Token) is { Count: > 0 } ? Error(Errno.EBUSY) // R5
                : state.MmSet(c.Token) is { } set && set.Chain.Any(n => n.Name == c.Name) ? Error(Errno.EBUSY) : Ok, // R4 on the chain it joins
        };
    }
}
