using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.History;

/// <summary>A notification by event id: one probe of <c>mt_events</c>' unique index on <c>id</c> (migration 0014).</summary>
public sealed class PostgresNotificationLookup(NpgsqlDataSource dataSource) : INotificationLookup
{
    private static readonly string Published = EventNames.NameOf(typeof(NotificationPublished));

    public async Task<PublishedNotification?> FindAsync(string pool, Guid eventId, CancellationToken ct)
    {
        var rows = await SqlQuery.ListAsync(dataSource,
            "select version, data::text from mt_events where id = @id and stream_id = @stream and type = @type",
            r => new PublishedNotification(r.GetInt64(0), (NotificationPublished)EventSerializer.Deserialize(Published, r.GetString(1))),
            ct, ("id", eventId), ("stream", PoolStreams.StreamId(pool)), ("type", Published)).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }
}
