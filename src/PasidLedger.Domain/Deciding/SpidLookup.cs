using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary><c>find_by_spid(set, spid, get = false)</c>: a query.</summary>
public static class SpidLookup
{
    /// <summary>The host ID bound to <paramref name="spid"/> in <paramref name="set"/>; INVALID input finds nothing (Model).</summary>
    public static uint? Find(PoolState state, IoasidSet set, uint spid)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(set);
        return spid != Ioasid.Invalid && set.IdsBySpid.TryGetValue(spid, out var id) ? id : null;
    }
}
