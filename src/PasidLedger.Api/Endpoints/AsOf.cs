using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PasidLedger.Api.Hosting;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Errors;
using PasidLedger.Postgres.History;

namespace PasidLedger.Api.Endpoints;

/// <summary>
/// Time travel on the GET views (issue 9): <c>?asOf=V</c> or <c>?asOfTime=&lt;RFC 3339&gt;</c> answers the
/// view as it stood right after version V (or the last version at or before that time), computed from
/// the nearest snapshot and the events up to V, with <c>"asOf": {"version", "time"}</c> added.
/// </summary>
internal static class AsOf
{
    public const string VersionParameter = "asOf";
    public const string TimeParameter = "asOfTime";

    /// <summary>True when the request asks for a past view.</summary>
    public static bool Requested(HttpContext http) =>
        http.Request.Query.ContainsKey(VersionParameter) || http.Request.Query.ContainsKey(TimeParameter);

    /// <summary>
    /// The view <paramref name="view"/> builds from the pool at the requested version, or the problem:
    /// 400 for a malformed value or a version beyond the stream, 404 for a pool that did not exist then.
    /// </summary>
    public static async Task<IResult> ViewAsync(HttpContext http, string pool, Func<PoolAsOf, (object? Body, IResult? Problem)> view)
    {
        var (lookup, problem) = await LookUpAsync(http, pool).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (lookup!.Pool is not { } asOf)
        {
            return lookup.Miss == PastMiss.BeyondStream
                ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "VersionBeyondStream", Errno.EINVAL,
                    $"pool {pool} is at version {lookup.StreamVersion}; 'asOf' must be within [1, {lookup.StreamVersion}]")
                : ApiProblems.UnknownPool(pool);
        }

        var (body, refused) = view(asOf);
        return refused ?? Results.Json(With(body, asOf), LedgerJson.Options);
    }

    /// <summary>The pool at the requested version or time, or the problem with the query: 400 malformed, 404 before the pool's first event.</summary>
    private static async Task<(PastLookup? Lookup, IResult? Problem)> LookUpAsync(HttpContext http, string pool)
    {
        var travel = http.RequestServices.GetRequiredService<PoolTimeTravel>();
        var query = http.Request.Query;
        if (query.ContainsKey(VersionParameter) && query.ContainsKey(TimeParameter))
        {
            return (null, ApiProblems.Invalid("give 'asOf' or 'asOfTime', not both"));
        }

        if (query.TryGetValue(VersionParameter, out var versionText))
        {
            return versionText.Count == 1 && long.TryParse(versionText[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
                ? (await travel.LookUpAsync(pool, version, http.RequestAborted).ConfigureAwait(false), null)
                : (null, ApiProblems.Invalid("'asOf' must be one stream version, a whole number of at least 1"));
        }

        var timeText = query[TimeParameter];
        if (timeText.Count != 1 || !AsOfTime.TryParse(timeText[0]!, out var time))
        {
            return (null, ApiProblems.Invalid($"'asOfTime' must be one RFC 3339 date and time with an offset, e.g. {AsOfTime.Example}"));
        }

        var lookup = await travel.LookUpAsync(pool, time, http.RequestAborted).ConfigureAwait(false);
        return lookup.Miss == PastMiss.BeforeFirstEvent
            ? (null, ApiProblems.NotFound("UnknownPool", $"pool {pool} had no events at or before {time:O}"))
            : (lookup, null);
    }

    /// <summary>The live body with <c>asOf</c> added: an object keeps its fields; a list comes as <c>{"items": [...]}</c>.</summary>
    private static JsonObject With(object? body, PoolAsOf asOf)
    {
        var node = JsonSerializer.SerializeToNode(body, body?.GetType() ?? typeof(object), LedgerJson.Options);
        var result = node as JsonObject ?? new JsonObject { ["items"] = node };
        result["asOf"] = new JsonObject { ["version"] = asOf.Version, ["time"] = asOf.Time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) };
        return result;
    }
}
