using Npgsql;

namespace PasidLedger.Postgres.Events;

/// <summary>The queries on <c>events</c> and the mapping of one row to a <see cref="StoredEvent"/>.</summary>
internal static class StoredEventReader
{
    public const string Columns = """
        seq, event_id, stream_id, version, pool, type, body, ioasid, generation, set_id, token,
        recorded_at, correlation_id, causation_id
        """;

    public const string StreamQuery = $"""
        select {Columns} from events
        where stream_id = @stream_id and version > @after_version
        order by version
        limit @limit
        """;

    public static StoredEvent Read(NpgsqlDataReader row) => new(
        row.GetInt64(0),
        row.GetGuid(1),
        row.GetString(2),
        row.GetInt64(3),
        row.GetString(4),
        row.GetString(5),
        row.GetString(6),
        row.IsDBNull(7) ? null : row.GetInt64(7),
        row.IsDBNull(8) ? null : row.GetInt32(8),
        row.IsDBNull(9) ? null : row.GetInt32(9),
        row.IsDBNull(10) ? null : row.GetString(10),
        row.GetFieldValue<DateTimeOffset>(11),
        row.IsDBNull(12) ? null : row.GetGuid(12),
        row.IsDBNull(13) ? null : row.GetGuid(13));
}
