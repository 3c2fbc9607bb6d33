using System.ComponentModel;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.OpenApi;
using PasidLedger.Api.Requests;
using PasidLedger.Api.Responses;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Endpoints;

/// <summary>Private data and SPIDs (DOMAIN.md 2.4).</summary>
internal static class SpidEndpoints
{
    public static void Map(RouteGroupBuilder pool)
    {
        var spids = pool.MapGroup(string.Empty).WithTags("Private data and SPIDs").ProducesProblem(StatusCodes.Status404NotFound);
        spids.MapPut("/ioasids/{id}/private", async (HttpContext http, string pool, long id, PrivateRequest body) =>
            Validate.First(Validate.Id(id), Validate.Text(body.Data, "data", 4096))
            ?? await CommandDispatch.SendAsync(http, pool, new AttachPrivate((uint)id, body.Data!, body.Generation), ReplyBodies.Ioasid).ConfigureAwait(false))
            .WithName("AttachPrivate").WithSummary("attach_data: attach private data to an ID").Produces<RefcountBody>();
        spids.MapDelete("/ioasids/{id}/private", async (HttpContext http, string pool, long id) =>
            Validate.Id(id)
            ?? await CommandDispatch.SendAsync(http, pool, new DetachPrivate((uint)id), r => ReplyBodies.Outcome(r, "detached")).ConfigureAwait(false))
            .WithName("DetachPrivate").WithSummary("detach_data: remove an ID's private data; ignored when there is none").Produces<OutcomeBody>();
        spids.MapGet("/ioasids/{id}/private", FindAsync)
            .WithName("FindPrivate").WithSummary("find: an ID's private data, checked against a set when one is named").Produces<PrivateBody>();
        spids.MapPut("/ioasids/{id}/spid", async (HttpContext http, string pool, long id, SpidRequest body) =>
            Validate.First(Validate.Id(id), Validate.U32(body.Spid, "spid"))
            ?? await CommandDispatch.SendAsync(http, pool, new AttachSpid((uint)id, (uint)body.Spid!.Value, body.Generation), ReplyBodies.Ioasid).ConfigureAwait(false))
            .WithName("AttachSpid").WithSummary("attach_spid: bind a guest PASID (BIND is notified)").Produces<RefcountBody>();
        spids.MapDelete("/ioasids/{id}/spid", async (HttpContext http, string pool, long id) =>
            Validate.Id(id)
            ?? await CommandDispatch.SendAsync(http, pool, new DetachSpid((uint)id), r => ReplyBodies.Outcome(r, "unbound")).ConfigureAwait(false))
            .WithName("DetachSpid").WithSummary("detach_spid: unbind the guest PASID (UNBIND is notified); ignored when there is none").Produces<OutcomeBody>();
        spids.MapPost("/sets/{setId}/spids/{spid}/lookup", LookupAsync)
            .WithName("LookupSpid").WithSummary("find_by_spid: the ID bound to a guest PASID; with get, also take a reference").Produces<LookupBody>();
    }

    /// <summary><c>find_by_spid</c>: with get it is a command taking a reference; without, a query.</summary>
    private static async Task<IResult> LookupAsync(HttpContext http, string pool, int setId, long spid, SpidLookupRequest? body, ReadModelQueries queries)
    {
        if (Validate.U32(spid, "spid") is { } invalid)
        {
            return invalid;
        }

        if (body?.Get == true)
        {
            return Validate.Text(body.Holder, "holder")
                ?? await CommandDispatch.SendAsync(http, pool, new AcquireRefBySpid(setId, (uint)spid, body.Holder!),
                    r => new LookupBody(((SpidResolved)r.Reply!).Id, r.Reason?.ToString())).ConfigureAwait(false);
        }

        if (await queries.CapacityAsync(pool, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        if (LedgerPrincipals.Of(http.User)?.Mm is { } mm && await ReadAccess.SetAsync(http, pool, setId, mm).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var id = spid == Ioasid.Invalid ? null : await queries.SpidAsync(pool, setId, spid, http.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new LookupBody(id, id is null ? "SpidNotFound" : null));
    }

    /// <summary>
    /// <c>find(set, id)</c>: ENOENT when unknown; with a set that does not own it, EINVAL when that set
    /// is unknown or destroyed (DOMAIN.md 3.5, as get answers), EACCES otherwise.
    /// </summary>
    private static async Task<IResult> FindAsync(string pool, long id, [Description("The set the caller believes owns the ID.")] int? setId,
        ReadModelQueries queries, CancellationToken ct)
    {
        if (Validate.Id(id) is { } invalid)
        {
            return invalid;
        }

        if (await queries.CapacityAsync(pool, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        var rows = await queries.IoasidsAsync(pool, id, null, ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return ApiProblems.NotFound("UnknownId", $"IOASID {id} is not allocated");
        }

        if (setId is not { } named || named == rows[0].SetId)
        {
            return Results.Ok(new PrivateBody(id, rows[0].Private));
        }

        return await queries.SetsAsync(pool, named, null, ct).ConfigureAwait(false) is [{ State: not "destroyed" }]
            ? ApiProblems.Problem(StatusCodes.Status403Forbidden, "NotOwner", Domain.Errors.Errno.EACCES, $"IOASID {id} belongs to set {rows[0].SetId}")
            : ApiProblems.Problem(StatusCodes.Status400BadRequest, "SetInvalid", Domain.Errors.Errno.EINVAL, $"set {named} is unknown or destroyed");
    }
}
