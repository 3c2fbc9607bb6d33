using Npgsql;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.History;

/// <summary>The event and rejection history of a pool, by version.</summary>
public sealed class HistoryQueries(NpgsqlDataSource dataSource)
{
    public Task<List<HistoryEvent>> EventsAsync(string pool, long afterVersion, int limit, string? type, CancellationToken ct) => QueryAsync(
        """
        select version, type, data::text, timestamp, correlation_id::uuid, causation_id::uuid from mt_events
        where stream_id = @stream and version > @after and (@type::text is null or type = @type)
        order by version limit @limit
        """,
        r => new HistoryEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
            r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetGuid(5)),
        ct, ("stream", PoolStreams.StreamId(pool)), ("after", afterVersion), ("type", type), ("limit", limit));

    /// <summary>The pool stream's version: 0 before its first event.</summary>
    public async Task<long> StreamVersionAsync(string pool, CancellationToken ct) =>
        (await QueryAsync("select version from mt_streams where id = @stream", r => r.GetInt64(0), ct, ("stream", PoolStreams.StreamId(pool)))
            .ConfigureAwait(false)).SingleOrDefault();

    public Task<List<HistoryRejection>> RejectionsAsync(string pool, int limit, CancellationToken ct) => QueryAsync(
        """
        select id, reason, errno, ignored, detail, caller, command_type, command::text, recorded_at from rejections
        where pool = @pool order by id desc limit @limit
        """,
        r => new HistoryRejection(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetFieldValue<DateTimeOffset>(8)),
        ct, ("pool", pool), ("limit", limit));

    private Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        SqlQuery.ListAsync(dataSource, sql, read, ct, parameters);
}
