using Npgsql;
using PasidLedger.Domain.Events;
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

    /// <summary>
    /// Every event and refusal that concerned <paramref name="subject"/> (<c>event_subjects</c> and the
    /// rejections' subject columns, migration 0010), oldest first: by version, a refusal after the event
    /// of the version it was decided at, refusals of one version in the order they were stored.
    /// </summary>
    /// <param name="withinSet">
    /// When given, only what concerned this set since it was last created (a VM's view of its own set: a
    /// set ID, and an IOASID, may have been another VM's before).
    /// </param>
    public Task<List<SubjectHistoryEntry>> SubjectAsync(string pool, HistorySubject subject, int? withinSet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (column, id, generation) = subject switch
        {
            HistorySubject.OfIoasid i => ("ioasid", i.Id, i.Generation),
            HistorySubject.OfSet s => ("set_id", (long)s.SetId, (int?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(subject)),
        };
        return QueryAsync(
            $"""
            with since as (
                select coalesce(max(x.version), 0) as version
                from event_subjects x join mt_events y on y.stream_id = x.stream_id and y.version = x.version
                where @within::int is not null and x.stream_id = @stream and x.set_id = @within and y.type = @created
            )
            select version, time, type, generation, caller, correlation_id, causation_id, rejected, reason, errno, detail, data
            from (
                select e.version, e.timestamp as time, e.type, s.generation, e.user_name as caller, e.correlation_id::uuid as correlation_id,
                       e.causation_id::uuid as causation_id, false as rejected, null::text as reason, null::int as errno, null::text as detail,
                       e.data::text as data, 0 as kind, 0::bigint as seq
                from event_subjects s join mt_events e on e.stream_id = s.stream_id and e.version = s.version
                where s.stream_id = @stream and s.{column} = @id and (@generation::int is null or s.generation = @generation)
                  and (@within::int is null or (s.set_id = @within and s.version >= (select version from since)))
                union all
                select r.version, r.recorded_at, r.command_type, r.generation, r.caller, r.correlation_id, null, true, r.reason, r.errno,
                       r.detail, r.command::text, 1, r.id
                from rejections r
                where r.pool = @pool and r.{column} = @id and r.version is not null and (@generation::int is null or r.generation = @generation)
                  and (@within::int is null or (r.set_id = @within and r.version >= (select version from since)))
            ) history
            order by version, kind, seq
            """,
            r => new SubjectHistoryEntry(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), Nullable<int>(r, 3),
                r.IsDBNull(4) ? null : r.GetString(4), Nullable<Guid>(r, 5), Nullable<Guid>(r, 6), r.GetBoolean(7),
                r.IsDBNull(8) ? null : r.GetString(8), Nullable<int>(r, 9), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11)),
            ct, ("stream", PoolStreams.StreamId(pool)), ("pool", pool), ("id", id), ("generation", generation), ("within", withinSet),
            ("created", EventNames.NameOf(typeof(SetCreated))));
    }

    private static T? Nullable<T>(NpgsqlDataReader row, int column)
        where T : struct => row.IsDBNull(column) ? null : row.GetFieldValue<T>(column);

    private Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        SqlQuery.ListAsync(dataSource, sql, read, ct, parameters);
}
