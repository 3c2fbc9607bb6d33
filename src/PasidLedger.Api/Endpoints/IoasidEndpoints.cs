using PasidLedger.Api.Hosting;
using PasidLedger.Api.OpenApi;
using PasidLedger.Api.Requests;
using PasidLedger.Api.Responses;
using PasidLedger.Application.Commands;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Endpoints;

/// <summary>Allocation, references and free (DOMAIN.md 2.3).</summary>
internal static class IoasidEndpoints
{
    public static void Map(RouteGroupBuilder pool)
    {
        var ioasids = pool.MapGroup(string.Empty).WithTags("IOASIDs").ProducesProblem(StatusCodes.Status404NotFound);
        ioasids.MapPost("/sets/{setId}/ioasids", async (HttpContext http, string pool, int setId, AllocateRequest body) =>
            Validate.First(Validate.U32(body.Min, "min"), Validate.U32(body.Max, "max"),
                Validate.OptionalText(body.Private, "private", CommandFields.MaxPrivate))
            ?? await CommandDispatch.SendAsync(http, pool, new AllocateIoasid(setId, (uint)body.Min!.Value, (uint)body.Max!.Value, body.Private),
                ReplyBodies.Ioasid, StatusCodes.Status201Created).ConfigureAwait(false))
            .WithName("AllocateIoasid").WithSummary("alloc: an ID within [min, max] for the set, with the allocation reference")
            .Produces<RefcountBody>(StatusCodes.Status201Created);
        ioasids.MapGet("/ioasids/{id}", GetAsync).WithPastViews()
            .WithName("GetIoasid").WithSummary("One allocated IOASID: generation, set, state, references by holder, SPID, private data")
            .Produces<RefcountBody>();
        ioasids.MapPost("/ioasids/{id}/refs", AcquireAsync)
            .WithName("AcquireRef").WithSummary("get (or get_if_owned): take a reference for a holder").Produces<RefcountBody>();
        ioasids.MapPost("/ioasids/{id}/refs/release", async (HttpContext http, string pool, long id, ReleaseRefRequest body) =>
            Validate.First(Validate.Id(id), Validate.Text(body.Holder, "holder"))
            ?? await CommandDispatch.SendAsync(http, pool, new ReleaseRef((uint)id, body.Holder!, body.SetId, body.Generation),
                r => r.Reply is RefsChanged c
                    ? new ReleaseBody(c.Refs, c.Reclaimed, ReplyOutcomes.Release(r, c), r.Reason?.ToString())
                    : null).ConfigureAwait(false))
            .WithName("ReleaseRef").WithSummary("put: drop a holder's reference; the ID is reclaimed at zero").Produces<ReleaseBody>();
        ioasids.MapPost("/ioasids/{id}/free", async (HttpContext http, string pool, long id, FreeRequest body) =>
            Validate.Id(id)
            ?? await CommandDispatch.SendAsync(http, pool, new FreeIoasid((uint)id, body.SetId, body.Generation), r => r.Reply is FreeOutcome f
                ? new OutcomeBody(ReplyOutcomes.Free(f), r.Reason?.ToString())
                : null).ConfigureAwait(false))
            .WithName("FreeIoasid").WithSummary("free: drop the allocation reference; FREE_PENDING until the last reference goes")
            .Produces<OutcomeBody>();
    }

    private static async Task<IResult> AcquireAsync(HttpContext http, string pool, long id, AcquireRefRequest body)
    {
        var check = Validate.First(Validate.Id(id), Validate.Text(body.Holder, "holder"));
        if (check is not null)
        {
            return check;
        }

        PoolCommand command = body.IfOwned == true
            ? new AcquireRefIfOwned((uint)id, body.Holder!, CommandDispatch.Caller(http).OwnershipCaller, body.Generation)
            : new AcquireRef((uint)id, body.Holder!, body.SetId, body.Generation);
        return await CommandDispatch.SendAsync(http, pool, command, ReplyBodies.Ioasid).ConfigureAwait(false);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string pool, long id, ReadModelQueries queries, CancellationToken ct)
    {
        if (Validate.Id(id) is { } invalid)
        {
            return invalid;
        }

        if (AsOf.Requested(http))
        {
            return await AsOf.ViewAsync(http, pool, past => past.State.Find((uint)id) is { } record
                ? (RowBodies.Ioasid(ReadModelProjector.Refcount(past.State, record)), null)
                : (null, ApiProblems.NotFound("UnknownId", $"IOASID {id} was not allocated at version {past.Version}"))).ConfigureAwait(false);
        }

        if (await queries.CapacityAsync(pool, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        var rows = await queries.IoasidsAsync(pool, id, null, ct).ConfigureAwait(false);
        return rows.Count == 0 ? ApiProblems.NotFound("UnknownId", $"IOASID {id} is not allocated") : Results.Ok(RowBodies.Ioasid(rows[0]));
    }
}
