using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.Requests;
using PasidLedger.Api.Responses;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Endpoints;

/// <summary>Set-level operations (DOMAIN.md 2.2, 3.5).</summary>
internal static class SetEndpoints
{
    public static void Map(RouteGroupBuilder pool)
    {
        pool.MapPost("/sets", CreateAsync);
        pool.MapGet("/sets/{setId}", GetAsync);
        pool.MapGet("/sets", FindAsync).WithMetadata(ReadScope.ByToken);
        pool.MapPatch("/sets/{setId}", async (HttpContext http, string pool, int setId, AdjustSetRequest body) =>
            Validate.U32(body.Quota, "quota")
            ?? await CommandDispatch.SendAsync(http, pool, new AdjustSetQuota(setId, body.Quota!.Value), ReplyBodies.Set).ConfigureAwait(false))
            .RequireAuthorization(LedgerPolicies.OperatorOnly);
        pool.MapDelete("/sets/{setId}", (HttpContext http, string pool, int setId) =>
            CommandDispatch.SendAsync(http, pool, new FreeSet(setId), ReplyBodies.Set));
        pool.MapPost("/sets/{setId}/release", (HttpContext http, string pool, int setId) =>
            CommandDispatch.SendAsync(http, pool, new ReleaseSet(setId), ReplyBodies.Set));
        pool.MapPost("/sets/{setId}/free-all", (HttpContext http, string pool, int setId) =>
            CommandDispatch.SendAsync(http, pool, new FreeAllInSet(setId), r => r.Reply is SetFreedAll freed
                ? new FreeAllBody(setId, freed.Reclaimed, freed.FreePending, r.Reason is null ? "done" : "ignored", r.Reason?.ToString())
                : null));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string pool, CreateSetRequest body)
    {
        var type = body.Type switch
        {
            "mm" => SetType.Mm,
            "null" => SetType.Null,
            _ => (SetType?)null,
        };
        return Validate.First(
                type is null ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "InvalidSetType", Errno.EINVAL, "'type' must be \"mm\" or \"null\"") : null,
                Validate.U32(body.Quota, "quota"),
                body.Token is { Length: > 200 } ? ApiProblems.Invalid("'token' is limited to 200 characters") : null)
            ?? await CommandDispatch.SendAsync(http, pool, new CreateSet(type!.Value, body.Token, body.Quota!.Value),
                ReplyBodies.Set, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string pool, int setId, ReadModelQueries queries, CancellationToken ct)
    {
        if (AsOf.Requested(http))
        {
            return await AsOf.ViewAsync(http, pool, past => past.State.Sets.GetValueOrDefault(setId) is { } set
                ? (RowBodies.Set(ReadModelProjector.Set(past.State, set), ReadModelProjector.Members(past.State, setId)), null)
                : (null, ApiProblems.NotFound("SetInvalid", $"set {setId} did not exist at version {past.Version}"))).ConfigureAwait(false);
        }

        if (await queries.CapacityAsync(pool, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        var sets = await queries.SetsAsync(pool, setId, null, ct).ConfigureAwait(false);
        return sets.Count == 0
            ? ApiProblems.NotFound("SetInvalid", $"set {setId} does not exist")
            : Results.Ok(RowBodies.Set(sets[0], await queries.IoasidsAsync(pool, null, setId, ct).ConfigureAwait(false)));
    }

    /// <summary><c>find_mm_set(token)</c>, or every set when no token is given.</summary>
    private static async Task<IResult> FindAsync(string pool, string? token, ReadModelQueries queries, CancellationToken ct)
    {
        if (await queries.CapacityAsync(pool, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        var bodies = new List<SetBody>();
        foreach (var set in await queries.SetsAsync(pool, null, token, ct).ConfigureAwait(false))
        {
            bodies.Add(RowBodies.Set(set, await queries.IoasidsAsync(pool, null, set.SetId, ct).ConfigureAwait(false)));
        }

        return Results.Ok(bodies);
    }
}
