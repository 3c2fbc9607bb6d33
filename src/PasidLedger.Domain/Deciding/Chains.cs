using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Chain order and recipient lists (DOMAIN.md 4.3, 4.5).</summary>
public static class Chains
{
    /// <summary>Within one chain: priority high to low, then insertion order.</summary>
    public static IReadOnlyList<NotifierRegistration> Order(IEnumerable<NotifierRegistration> chain) =>
        [.. chain.OrderByDescending(n => n.Priority).ThenBy(n => n.ChainOrder)];

    /// <summary>Recipients of one notification in delivery order, under the pool's dispatch policy.</summary>
    public static IReadOnlyList<NotifierRegistration> Recipients(PoolState state, IoasidSet set, NotifyFlags flags)
    {
        var global = flags.HasFlag(NotifyFlags.All) ? state.GlobalChain : [];
        var local = flags.HasFlag(NotifyFlags.Set) ? set.Chain : [];
        if (global.Count == 0)
        {
            return local;
        }

        if (local.Count == 0)
        {
            return global;
        }

        return state.Options.Dispatch == DispatchPolicy.PerChainGlobalFirst
            ? [.. global, .. local]
            : [.. global.Concat(local).OrderByDescending(n => n.Priority).ThenBy(n => n.Scope != NotifierScope.Global).ThenBy(n => n.ChainOrder)];
    }

    /// <summary>
    /// The core's internal <c>notify(data, cmd, flags)</c> check (DOMAIN.md 2.5, S44): bits other than
    /// ALL and SET are <c>-EINVAL</c> and nothing is delivered; no bit delivers to nobody.
    /// </summary>
    public static (Rejection? Rejection, IReadOnlyList<NotifierRegistration> Recipients) Notify(PoolState state, uint id, int flags)
    {
        if ((flags & ~(int)(NotifyFlags.All | NotifyFlags.Set)) != 0)
        {
            return (Rejection.Error(RejectionReason.InvalidFlags, Errno.EINVAL, $"notify flags 0x{flags:x} has unknown bits"), []);
        }

        var record = state.Find(id);
        return record is null
            ? (Rejection.Error(RejectionReason.UnknownId, Errno.ENOENT, $"IOASID {id} is not allocated"), [])
            : (null, Recipients(state, state.Sets[record.SetId], (NotifyFlags)flags));
    }
}
