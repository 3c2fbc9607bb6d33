using Npgsql;
using NpgsqlTypes;

namespace PasidLedger.Postgres.Events;

/// <summary>
/// Builds the one statement that appends events: it moves <c>streams.version</c> from the
/// expected to the new version and inserts the events only through the row that move
/// returned. A stream at another version returns no row, so nothing at all is inserted,
/// the caller's transaction stays usable, and the affected row count tells the outcome.
/// </summary>
/// <remarks>
/// The events travel as parallel arrays expanded by <c>unnest … with ordinality</c>, not as
/// an <see cref="NpgsqlBatch"/> of inserts or a COPY: COPY cannot be made conditional on the
/// version check, and separate inserts would each need their own guard. It is still one
/// round trip for any number of events.
/// </remarks>
internal static class EventAppendCommand
{
    // A concurrent creator of the same stream makes the insert wait for it; if it commits,
    // the conflict arm finds version <> 0 and returns no row. This is a version check, not a
    // silent "do nothing": zero rows is reported as WrongExpectedVersionException.
    private const string CreateStream = """
        insert into streams (stream_id, pool, version) values (@stream_id, @pool, @new_version)
        on conflict on constraint pk_streams do update set version = excluded.version, updated_at = now()
        where streams.version = @expected_version
        returning stream_id, pool
        """;

    private const string AdvanceStream = """
        update streams set version = @new_version, updated_at = now()
        where stream_id = @stream_id and version = @expected_version
        returning stream_id, pool
        """;

    private const string InsertEvents = """
        insert into events (event_id, stream_id, version, pool, ioasid, generation, set_id, token,
                            type, body, recorded_at, correlation_id, causation_id)
        select e.event_id, s.stream_id, @expected_version + e.ord, s.pool, e.ioasid, e.generation, e.set_id,
               e.token, e.type, e.body::jsonb, e.recorded_at, e.correlation_id, e.causation_id
        from stream s
        cross join unnest(@event_ids, @types, @bodies, @ioasids, @generations, @set_ids, @tokens,
                          @recorded_ats, @correlation_ids, @causation_ids)
             with ordinality as e(event_id, type, body, ioasid, generation, set_id, token,
                                  recorded_at, correlation_id, causation_id, ord)
        order by e.ord
        """;

    public static NpgsqlCommand Create(
        NpgsqlConnection conn,
        NpgsqlTransaction tx,
        string streamId,
        string pool,
        long expectedVersion,
        IReadOnlyList<EventToAppend> events)
    {
        var cmd = new NpgsqlCommand(Sql(expectedVersion), conn, tx);
        AddParameters(cmd.Parameters, streamId, pool, expectedVersion, events);
        return cmd;
    }

    /// <summary>The same statement as a command of a caller's <see cref="NpgsqlBatch"/>.</summary>
    public static NpgsqlBatchCommand CreateBatchCommand(string streamId, string pool, long expectedVersion, IReadOnlyList<EventToAppend> events)
    {
        var cmd = new NpgsqlBatchCommand(Sql(expectedVersion));
        AddParameters(cmd.Parameters, streamId, pool, expectedVersion, events);
        return cmd;
    }

    private static string Sql(long expectedVersion) => expectedVersion == 0 ? CreateAndInsert : AdvanceAndInsert;

    private const string CreateAndInsert = $"with stream as ({CreateStream})\n{InsertEvents}";

    private const string AdvanceAndInsert = $"with stream as ({AdvanceStream})\n{InsertEvents}";

    private static void AddParameters(
        NpgsqlParameterCollection parameters, string streamId, string pool, long expectedVersion, IReadOnlyList<EventToAppend> events)
    {
        var count = events.Count;
        var (eventIds, types, bodies) = (new Guid[count], new string[count], new string[count]);
        var (ioasids, generations, setIds, tokens) = (new long?[count], new int?[count], new int?[count], new string?[count]);
        var (recordedAts, correlationIds, causationIds) = (new DateTimeOffset[count], new Guid?[count], new Guid?[count]);
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            (eventIds[i], types[i], bodies[i]) = (e.EventId, e.Type, e.BodyJson);
            (ioasids[i], generations[i], setIds[i], tokens[i]) = (e.Ioasid, e.Generation, e.SetId, e.Token);
            // timestamptz accepts only UTC offsets from Npgsql.
            (recordedAts[i], correlationIds[i], causationIds[i]) = (e.RecordedAt.ToUniversalTime(), e.CorrelationId, e.CausationId);
        }

        parameters.AddTyped("stream_id", NpgsqlDbType.Text, streamId);
        parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        parameters.AddTyped("expected_version", NpgsqlDbType.Bigint, expectedVersion);
        parameters.AddTyped("new_version", NpgsqlDbType.Bigint, expectedVersion + count);
        parameters.AddTyped("event_ids", TypedParameters.ArrayOf(NpgsqlDbType.Uuid), eventIds);
        parameters.AddTyped("types", TypedParameters.ArrayOf(NpgsqlDbType.Text), types);
        parameters.AddTyped("bodies", TypedParameters.ArrayOf(NpgsqlDbType.Text), bodies);
        parameters.AddTyped("ioasids", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), ioasids);
        parameters.AddTyped("generations", TypedParameters.ArrayOf(NpgsqlDbType.Integer), generations);
        parameters.AddTyped("set_ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), setIds);
        parameters.AddTyped("tokens", TypedParameters.ArrayOf(NpgsqlDbType.Text), tokens);
        parameters.AddTyped("recorded_ats", TypedParameters.ArrayOf(NpgsqlDbType.TimestampTz), recordedAts);
        parameters.AddTyped("correlation_ids", TypedParameters.ArrayOf(NpgsqlDbType.Uuid), correlationIds);
        parameters.AddTyped("causation_ids", TypedParameters.ArrayOf(NpgsqlDbType.Uuid), causationIds);
    }
}
