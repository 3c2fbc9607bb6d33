using System.Text.Json;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.Responses;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Endpoints;

/// <summary>Published notifications, events and rejections, by version.</summary>
internal static class HistoryEndpoints
{
    public static void Map(RouteGroupBuilder pool)
    {
        pool.MapGet("/notifications", async (string pool, long? afterVersion, int? limit, ReadModelQueries views, HistoryQueries history, CancellationToken ct) =>
            await Check(pool, afterVersion, limit, views, ct).ConfigureAwait(false)
            ?? Results.Ok((await history.EventsAsync(pool, afterVersion ?? 0, limit ?? 100, EventNames.NameOf(typeof(NotificationPublished)), ct).ConfigureAwait(false))
                .Select(Notification).ToList()))
            .WithMetadata(ReadScope.PoolWide);
        pool.MapGet("/events", async (string pool, long? afterVersion, int? limit, ReadModelQueries views, HistoryQueries history, CancellationToken ct) =>
            await Check(pool, afterVersion, limit, views, ct).ConfigureAwait(false)
            ?? Results.Ok((await history.EventsAsync(pool, afterVersion ?? 0, limit ?? 100, null, ct).ConfigureAwait(false))
                .Select(e => new { e.Version, e.Type, e.RecordedAt, e.CorrelationId, e.CausationId, Data = Json(e.BodyJson) }).ToList()))
            .WithMetadata(ReadScope.PoolWide);
        pool.MapGet("/ioasids/{id}/history", async (HttpContext http, string pool, long id, int? generation, ReadModelQueries views, HistoryQueries history) =>
            Validate.Id(id)
            ?? (generation < 0 ? ApiProblems.Invalid("'generation' must not be negative") : null)
            ?? await SubjectAsync(http, pool, new HistorySubject.OfIoasid(id, generation), views, history).ConfigureAwait(false));
        pool.MapGet("/sets/{setId}/history", async (HttpContext http, string pool, int setId, ReadModelQueries views, HistoryQueries history) =>
            (setId < 0 ? ApiProblems.Invalid("'setId' must not be negative") : null)
            ?? await SubjectAsync(http, pool, new HistorySubject.OfSet(setId), views, history).ConfigureAwait(false));
        pool.MapGet("/rejections", async (string pool, int? limit, ReadModelQueries views, HistoryQueries history, CancellationToken ct) =>
            await Check(pool, 0, limit, views, ct).ConfigureAwait(false)
            ?? Results.Ok((await history.RejectionsAsync(pool, limit ?? 100, ct).ConfigureAwait(false))
                .Select(r => new { r.Id, r.Reason, r.Errno, r.Ignored, r.Detail, r.Caller, r.CommandType, Command = Json(r.CommandJson), r.RecordedAt }).ToList()))
            .WithMetadata(ReadScope.PoolWide);
    }

    private static async Task<IResult?> Check(string pool, long? afterVersion, int? limit, ReadModelQueries views, CancellationToken ct) =>
        afterVersion < 0 ? ApiProblems.Invalid("'afterVersion' must not be negative")
        : Validate.Limit(limit) is { } invalid ? invalid
        : await views.CapacityAsync(pool, ct).ConfigureAwait(false) is null ? ApiProblems.UnknownPool(pool)
        : null;

    /// <summary>
    /// Everything that concerned one IOASID or set, oldest first; an empty list when nothing ever did. A
    /// principal bound to a VM sees only what concerned its own set since that set was created.
    /// </summary>
    private static async Task<IResult> SubjectAsync(HttpContext http, string pool, HistorySubject subject, ReadModelQueries views, HistoryQueries history)
    {
        var ct = http.RequestAborted;
        if (await views.CapacityAsync(pool, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.UnknownPool(pool);
        }

        var (bound, ownSet) = await ReadAccess.OwnSetAsync(http, pool).ConfigureAwait(false);
        var entries = bound && ownSet is null ? [] : await history.SubjectAsync(pool, subject, ownSet, ct).ConfigureAwait(false);
        return Results.Ok(entries.Select(e => new HistoryEntryBody(
                e.Version, e.Time, e.Type, e.Generation, e.Caller, e.CorrelationId, e.CausationId, e.Rejected, e.Reason, e.Errno, e.Detail,
                Json(e.DataJson))).ToList());
    }

    private static NotificationBody Notification(HistoryEvent stored)
    {
        var n = (NotificationPublished)EventSerializer.Deserialize(stored.Type, stored.BodyJson);
        return new NotificationBody(stored.Version, n.Kind.ToString().ToLowerInvariant(), n.Id, n.Generation,
            n.Spid == Ioasid.Invalid ? null : n.Spid, n.SetId, n.Private, n.Recipients);
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
