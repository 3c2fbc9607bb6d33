using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.OpenApi;
using PasidLedger.Api.Responses;
using PasidLedger.Application.ReadModels;
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
        var byVersion = pool.MapGroup(string.Empty).WithTags("History").ProducesProblem(StatusCodes.Status404NotFound);
        byVersion.MapGet("/notifications", async (string pool, [AfterVersion, Description(AfterVersionText)] long? afterVersion, [Limit, Description(LimitText)] int? limit, ReadModelQueries views, HistoryQueries history, CancellationToken ct) =>
            await Check(pool, afterVersion, limit, views, ct).ConfigureAwait(false)
            ?? Results.Ok((await history.EventsAsync(pool, afterVersion ?? 0, limit ?? 100, EventNames.NameOf(typeof(NotificationPublished)), ct).ConfigureAwait(false))
                .Select(Notification).ToList()))
            .WithName("ListNotifications").WithSummary("Published notifications (ALLOC, FREE, BIND, UNBIND) with their ordered recipients, oldest first")
            .Produces<List<NotificationBody>>().WithMetadata(ReadScope.PoolWide);
        byVersion.MapGet("/events", async (string pool, [AfterVersion, Description(AfterVersionText)] long? afterVersion, [Limit, Description(LimitText)] int? limit, ReadModelQueries views, HistoryQueries history, CancellationToken ct) =>
            await Check(pool, afterVersion, limit, views, ct).ConfigureAwait(false)
            ?? Results.Ok((await history.EventsAsync(pool, afterVersion ?? 0, limit ?? 100, null, ct).ConfigureAwait(false))
                .Select(e => new EventBody(e.Version, e.Type, e.RecordedAt, e.CorrelationId, e.CausationId, Json(e.BodyJson))).ToList()))
            .WithName("ListEvents").WithSummary("The pool's events after a version, oldest first").Produces<List<EventBody>>()
            .WithMetadata(ReadScope.PoolWide);
        byVersion.MapGet("/ioasids/{id}/history", async (HttpContext http, string pool, long id,
            [Range(0, int.MaxValue), Description("Only this generation of the ID.")] int? generation, ReadModelQueries views, HistoryQueries history) =>
            Validate.Id(id)
            ?? (generation < 0 ? ApiProblems.Invalid("'generation' must not be negative") : null)
            ?? await SubjectAsync(http, pool, new HistorySubject.OfIoasid(id, generation), views, history).ConfigureAwait(false))
            .WithName("GetIoasidHistory").WithSummary("Every event and refusal that concerned an ID, all generations or one, oldest first")
            .Produces<List<HistoryEntryBody>>();
        byVersion.MapGet("/sets/{setId}/history", async (HttpContext http, string pool, int setId, ReadModelQueries views, HistoryQueries history) =>
            (setId < 0 ? ApiProblems.Invalid("'setId' must not be negative") : null)
            ?? await SubjectAsync(http, pool, new HistorySubject.OfSet(setId), views, history).ConfigureAwait(false))
            .WithName("GetSetHistory").WithSummary("Every event and refusal that concerned a set, oldest first").Produces<List<HistoryEntryBody>>();
        byVersion.MapGet("/rejections", async (string pool, [Limit, Description(LimitText)] int? limit, ReadModelQueries views, HistoryQueries history, CancellationToken ct) =>
            await Check(pool, 0, limit, views, ct).ConfigureAwait(false)
            ?? Results.Ok((await history.RejectionsAsync(pool, limit ?? 100, ct).ConfigureAwait(false))
                .Select(r => new RejectionBody(r.Id, r.Reason, r.Errno, r.Ignored, r.Detail, r.Caller, r.CommandType, Json(r.CommandJson), r.RecordedAt))
                .ToList()))
            .WithName("ListRejections").WithSummary("Refused and ignored commands, newest first, with the command as sent").Produces<List<RejectionBody>>()
            .WithMetadata(ReadScope.PoolWide);
    }

    private const string AfterVersionText = "Only what came after this stream version; from the start when absent.";
    private const string LimitText = "At most this many; 100 when absent.";

    [AttributeUsage(AttributeTargets.Parameter)]
    private sealed class AfterVersionAttribute() : RangeAttribute(typeof(long), "0", "9223372036854775807");

    [AttributeUsage(AttributeTargets.Parameter)]
    private sealed class LimitAttribute() : RangeAttribute(1, Endpoints.Validate.MaxLimit);

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
        return new NotificationBody(stored.Version, ViewNames.Of(n.Kind), n.Id, n.Generation,
            n.Spid == Ioasid.Invalid ? null : n.Spid, n.SetId, n.Private, n.Recipients);
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
