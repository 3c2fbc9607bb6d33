using System.Globalization;
using PasidLedger.Api.Endpoints;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Auth;

/// <summary>Endpoint metadata: what a read is about, where its route alone does not say it.</summary>
public sealed class ReadScope
{
    private ReadScope()
    {
    }

    /// <summary>Lists the whole pool (events, notifications, rejections, notifiers): every VM's business.</summary>
    public static ReadScope PoolWide { get; } = new();

    /// <summary><c>find_mm_set(token)</c>, or every set without a token.</summary>
    public static ReadScope ByToken { get; } = new();
}

/// <summary>
/// What a principal bound to one VM (a <c>vm</c>, or a component acting for one) may read: the pool's
/// capacity, its own MM set and the IDs in it as they are now, and their history since its set was
/// created (<see cref="OwnSetAsync"/>). Pool-wide lists, other VMs' sets and IDs, and past views
/// (<c>asOf</c>, whose owner would have to be decided in the past) are refused with 403. Operators,
/// auditors and components not bound to a VM read everything. Where a set or ID does not exist the
/// read goes on and answers as it would anyone.
/// </summary>
internal static class ReadAccess
{
    /// <summary>The pool route group's check of every GET.</summary>
    public static async ValueTask<IResult?> CheckAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || LedgerPrincipals.Of(http.User)?.Mm is not { } mm)
        {
            return null;
        }

        if (AsOf.Requested(http))
        {
            return LedgerPolicies.Refuse(http, $"{mm} reads its set as it is now; past views are for operators and auditors");
        }

        var pool = (string)http.GetRouteValue("pool")!;
        var scope = http.GetEndpoint()?.Metadata.GetMetadata<ReadScope>();
        return scope == ReadScope.PoolWide ? LedgerPolicies.Refuse(http, $"this lists every VM's business; {mm} reads only its own set")
            : scope == ReadScope.ByToken ? (http.Request.Query["token"] == mm ? null : LedgerPolicies.Refuse(http, $"{mm} looks up only its own set: ?token={mm}"))
            : RouteNumber(http, "setId") is { } setId ? await SetAsync(http, pool, (int)setId, mm).ConfigureAwait(false)
            : RouteNumber(http, "id") is { } id ? await IdAsync(http, pool, id, mm).ConfigureAwait(false)
            : null;
    }

    /// <summary>A refusal when <paramref name="setId"/> exists and is not the MM set of <paramref name="mm"/>.</summary>
    public static async Task<IResult?> SetAsync(HttpContext http, string pool, int setId, string mm)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await ForeignAsync(http, pool, setId, mm).ConfigureAwait(false)
            ? LedgerPolicies.Refuse(http, $"set {setId} is not the set of {mm}")
            : null;
    }

    /// <summary>The set whose history a bound principal sees: its own live MM set, if it has one; null for everyone else.</summary>
    public static async Task<(bool Bound, int? SetId)> OwnSetAsync(HttpContext http, string pool)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (LedgerPrincipals.Of(http.User)?.Mm is not { } mm)
        {
            return (false, null);
        }

        var queries = http.RequestServices.GetRequiredService<ReadModelQueries>();
        return (true, (await queries.SetsAsync(pool, null, mm, http.RequestAborted).ConfigureAwait(false)).FirstOrDefault()?.SetId);
    }

    private static async Task<IResult?> IdAsync(HttpContext http, string pool, long id, string mm)
    {
        var queries = http.RequestServices.GetRequiredService<ReadModelQueries>();
        return await queries.IoasidsAsync(pool, id, null, http.RequestAborted).ConfigureAwait(false) is [var record]
            && await ForeignAsync(http, pool, record.SetId, mm).ConfigureAwait(false)
            ? LedgerPolicies.Refuse(http, $"IOASID {id} is not in the set of {mm}")
            : null;
    }

    private static async Task<bool> ForeignAsync(HttpContext http, string pool, int setId, string mm)
    {
        var queries = http.RequestServices.GetRequiredService<ReadModelQueries>();
        return await queries.SetsAsync(pool, setId, null, http.RequestAborted).ConfigureAwait(false) is [var set]
            && !(set.Type == ViewNames.Of(SetType.Mm) && set.Token == mm);
    }

    /// <summary>A route's set or IOASID number; null when it is not one (the endpoint answers that).</summary>
    private static long? RouteNumber(HttpContext http, string name) =>
        http.GetRouteValue(name) is string text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number <= (name == "setId" ? int.MaxValue : uint.MaxValue)
            ? number : null;
}
