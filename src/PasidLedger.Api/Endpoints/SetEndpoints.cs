using System.ComponentModel;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.OpenApi;
using PasidLedger.Api.Requests;
using PasidLedger.Api.Responses;
using PasidLedger.Application.Commands;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Writing;
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
        var sets = pool.MapGroup(string.Empty).WithTags("Sets").ProducesProblem(StatusCodes.Status404NotFound);
        sets.MapPost("/sets", CreateAsync)
            .WithName("CreateSet").WithSummary("alloc_set: create a set, taking its quota from the available capacity").Produces<SetBody>(StatusCodes.Status201Created);
        sets.MapGet("/sets/{setId}", GetAsync).WithPastViews()
            .WithName("GetSet").WithSummary("A set with its members and SPID map").Produces<SetBody>();
        sets.MapGet("/sets", FindAsync).WithMetadata(ReadScope.ByToken)
            .WithName("FindSets").WithSummary("find_mm_set: the live mm set of a token, or every set when no token is given").Produces<List<SetBody>>();
        sets.MapPatch("/sets/{setId}", async (HttpContext http, string pool, int setId, AdjustSetRequest body) =>
            Validate.U32(body.Quota, "quota")
            ?? await CommandDispatch.SendAsync(http, pool, new AdjustSetQuota(setId, body.Quota!.Value), ReplyBodies.Set).ConfigureAwait(false))
            .RequireAuthorization(LedgerPolicies.OperatorOnly)
            .WithName("AdjustSetQuota").WithSummary("Change a set's quota (operator)").Produces<SetBody>();
        sets.MapDelete("/sets/{setId}", (HttpContext http, string pool, int setId) =>
            CommandDispatch.SendAsync(http, pool, new FreeSet(setId), ReplyBodies.Set))
            .WithName("FreeSet").WithSummary("free_set: destroy an empty live set, returning its quota").Produces<SetBody>();
        sets.MapPost("/sets/{setId}/release", (HttpContext http, string pool, int setId) =>
            CommandDispatch.SendAsync(http, pool, new ReleaseSet(setId), ReplyBodies.Set))
            .WithName("ReleaseSet").WithSummary("Release a set: free its members and close it (destroyed once empty)").Produces<SetBody>();
        sets.MapPost("/sets/{setId}/free-all", (HttpContext http, string pool, int setId) =>
            CommandDispatch.SendAsync(http, pool, new FreeAllInSet(setId), r => r.Reply is SetFreedAll freed
                ? new FreeAllBody(setId, freed.Reclaimed, freed.FreePending, ReplyOutcomes.Done(r, "done"), r.Reason?.ToString())
                : null))
            .WithName("FreeAllInSet").WithSummary("Free every member of a live set; ignored for a set that is not live").Produces<FreeAllBody>();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string pool, CreateSetRequest body)
    {
        var type = CommandFields.SetTypeOf(body.Type);
        return Validate.First(
                type is null ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "InvalidSetType", Errno.EINVAL, "'type' must be \"mm\" or \"null\"") : null,
                Validate.U32(body.Quota, "quota"),
                Validate.OptionalText(body.Token, "token", CommandFields.MaxText))
            ?? await CommandDispatch.SendAsync(http, pool, new CreateSet(type!.Value, body.Token, body.Quota!.Value),
                ReplyBodies.Set, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string pool, int setId, ReadModelQueries queries, CancellationToken ct)
    {
        if (AsOf.Requested(http))
        {
            return await AsOf.ViewAsync(http, pool, past => past.State.Sets.GetValueOrDefault(setId) is { } set
                ? (RowBodies.Set(ReadModelProjector.Set(past.State, set), ReadModelProjector.Members(past.State, setId)), null)
                : (null, ApiProblems.NotFound("UnknownSet", $"set {setId} did not exist at version {past.Version}"))).ConfigureAwait(false);
        }

        if (await queries.CapacityAsync(pool, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        var sets = await queries.SetsAsync(pool, setId, null, ct).ConfigureAwait(false);
        return sets.Count == 0
            ? ApiProblems.NotFound("UnknownSet", $"set {setId} does not exist")
            : Results.Ok(RowBodies.Set(sets[0], await queries.IoasidsAsync(pool, null, setId, ct).ConfigureAwait(false)));
    }

    /// <summary><c>find_mm_set(token)</c>, or every set when no token is given.</summary>
    private static async Task<IResult> FindAsync(string pool, [Description("The mm token to find the live set of.")] string? token,
        ReadModelQueries queries, CancellationToken ct)
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
