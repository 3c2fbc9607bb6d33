using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.OpenApi;
using PasidLedger.Api.Requests;
using PasidLedger.Api.Responses;
using PasidLedger.Application.Commands;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Endpoints;

/// <summary>Pool creation and capacity (DOMAIN.md 2.1).</summary>
internal static class PoolEndpoints
{
    public static void Map(RouteGroupBuilder pool)
    {
        var pools = pool.MapGroup(string.Empty).WithTags("Pools");
        pools.MapPut("", CreateAsync).RequireAuthorization(LedgerPolicies.OperatorOnly)
            .WithName("CreatePool").WithSummary("Create the pool with its options (operator); again with the same options changes nothing")
            .Produces<CapacityBody>();
        pools.MapGet("", GetAsync).WithPastViews()
            .WithName("GetPool").WithSummary("The pool's capacity, availability and version")
            .Produces<CapacityBody>().ProducesProblem(StatusCodes.Status404NotFound);
        pools.MapPost("/capacity/install", async (HttpContext http, string pool, InstallCapacityRequest body) =>
            Validate.U32(body.Total, "total")
            ?? await CommandDispatch.SendAsync(http, pool, new InstallCapacity(body.Total!.Value), ReplyBodies.Install).ConfigureAwait(false))
            .RequireAuthorization(LedgerPolicies.OperatorOnly)
            .WithName("InstallCapacity").WithSummary("Set the pool's capacity (operator); ignored once it was set")
            .Produces<InstallBody>().ProducesProblem(StatusCodes.Status404NotFound);
        pools.MapPost("/capacity/reserve", async (HttpContext http, string pool, CapacityCountRequest body) =>
            Validate.U32(body.Count, "count")
            ?? await CommandDispatch.SendAsync(http, pool, new ReserveCapacity(body.Count!.Value),
                r => new ReserveBody(((CapacityChanged)r.Reply!).Count, r.Rows.Capacity!.Available)).ConfigureAwait(false))
            .RequireAuthorization(LedgerPolicies.OperatorOnly)
            .WithName("ReserveCapacity").WithSummary("Reserve IDs out of the available capacity (operator)")
            .Produces<ReserveBody>().ProducesProblem(StatusCodes.Status404NotFound);
        pools.MapPost("/capacity/cancel", async (HttpContext http, string pool, CapacityCountRequest body) =>
            Validate.U32(body.Count, "count")
            ?? await CommandDispatch.SendAsync(http, pool, new CancelCapacity(body.Count!.Value), r => new AvailableBody(r.Rows.Capacity!.Available)).ConfigureAwait(false))
            .RequireAuthorization(LedgerPolicies.OperatorOnly)
            .WithName("CancelCapacity").WithSummary("Give reserved IDs back to the available capacity (operator)")
            .Produces<AvailableBody>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IResult> CreateAsync(HttpContext http, string pool, CreatePoolRequest? body)
    {
        var dispatch = CommandFields.Dispatch(body?.Dispatch);
        if (dispatch is null)
        {
            return Task.FromResult(ApiProblems.Invalid("'dispatch' must be perChainGlobalFirst or mergedByPriority"));
        }

        var options = new PoolOptions(dispatch.Value, body?.AutoDestroyWhenEmpty ?? false);
        return CommandDispatch.SendAsync(http, pool, new CreatePool(pool, options), ReplyBodies.Capacity);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string pool, ReadModelQueries queries, CancellationToken ct)
    {
        if (AsOf.Requested(http))
        {
            return await AsOf.ViewAsync(http, pool, past => (RowBodies.Capacity(ReadModelProjector.Capacity(past.State)), null)).ConfigureAwait(false);
        }

        var view = await queries.CapacityAsync(pool, ct).ConfigureAwait(false);
        return view is null ? ApiProblems.UnknownPool(pool) : Results.Ok(RowBodies.Capacity(view));
    }
}
