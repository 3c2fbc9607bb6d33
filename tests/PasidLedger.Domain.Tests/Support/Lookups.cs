using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Support;

/// <summary>
/// Read-only kernel queries the domain does not expose yet, written against <see cref="PoolState"/>.
/// </summary>
public static class Lookups
{
    /// <summary>
    /// <c>find(set, id)</c> (DOMAIN.md 2.3) through <see cref="IoasidLookup.Find"/>: the private data,
    /// or the errno. FREE_PENDING is not checked (a query).
    /// </summary>
    public static (string? Private, Errno Errno) Find(PoolState state, int? setId, uint id) =>
        IoasidLookup.Find(state, setId, id) is var (data, refusal) ? (data, refusal?.Errno ?? Errno.None) : default;

    /// <summary><c>find_by_spid(set, spid, get = false)</c>: the host ID or null for INVALID.</summary>
    public static uint? FindBySpid(PoolState state, int setId, uint spid) =>
        SpidLookup.Find(state, state.Sets[setId], spid);

    /// <summary>The <c>refs</c> after each step that changed them, for one scenario's events (DOMAIN.md 9 "refs sequence").</summary>
    public static IReadOnlyList<int> RefsTrail(IEnumerable<PoolEvent> events) =>
    [
        .. events.Select(e => e switch
        {
            IoasidAllocated => 1,
            RefAcquired acquired => acquired.Refs,
            RefReleased released => released.Refs,
            FreeRequested free => free.Refs,
            _ => -1,
        }).Where(refs => refs >= 0),
    ];
}
