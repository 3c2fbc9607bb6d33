using System.Text.Json;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Errors;
using PasidLedger.Postgres.EventStore;
using PasidLedger.Postgres.ReadModels;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// The writes of one group commit in one Marten session, so they share its batch and transaction:
/// the event append (Marten's, with the expected version and each event's metadata), then what the
/// events are about (<c>event_subjects</c>), the read models, idempotency keys, rejections and snapshot
/// as <see cref="QueuedStatement"/>s, in that order.
/// </summary>
internal sealed class DeferredWrites(string pool, long expectedVersion, IReadOnlyList<RecordedEvent> events)
{
    private readonly string streamId = PoolStreams.StreamId(pool);
    private readonly List<NpgsqlBatchCommand> commands = new(12);

    /// <summary>The writes of <paramref name="commit"/>.</summary>
    public static DeferredWrites Of(string pool, PoolCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var writes = new DeferredWrites(pool, commit.ExpectedVersion, commit.Events);
        writes.Subjects();
        writes.Signal();
        if (commit.Views is { } views)
        {
            writes.ReadModels(views);
        }

        if (commit.Results.Count > 0)
        {
            writes.Results(commit.Results);
        }

        if (commit.Rejections.Count > 0)
        {
            writes.Rejections(commit.Rejections);
        }

        if (commit.Snapshot is { } snapshot)
        {
            writes.Snapshot(snapshot);
        }

        return writes;
    }

    /// <summary>
    /// A batch without events has no append to check the version: put <c>expect_stream_version</c>
    /// (migration 0009, SQLSTATE LD001) in front; the writer holds the pool lock, so the version stays.
    /// With events, Marten's append is the check.
    /// </summary>
    public void GuardWhenNoEvents()
    {
        if (events.Count > 0)
        {
            return;
        }

        var check = new NpgsqlBatchCommand("select expect_stream_version(@stream_id, @expected)");
        check.Parameters.AddTyped("stream_id", NpgsqlDbType.Text, streamId);
        check.Parameters.AddTyped("expected", NpgsqlDbType.Bigint, expectedVersion);
        commands.Insert(0, check);
    }

    /// <summary>Puts everything in <paramref name="session"/>: the append first, as Marten sends it first anyway.</summary>
    public void QueueInto(IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (events.Count > 0)
        {
            var appended = new IEvent[events.Count];
            for (var i = 0; i < appended.Length; i++)
            {
                appended[i] = StoredEvent(session, events[i]);
            }

            session.Events.Append(streamId, expectedVersion + appended.Length, appended);
        }

        foreach (var command in commands)
        {
            session.QueueOperation(new QueuedStatement(command));
        }
    }

    /// <summary>What a commit throws when another writer moved the stream past the version the batch was decided at.</summary>
    public StreamMovedException Moved(Exception cause) =>
        new($"Pool {pool} moved past version {expectedVersion} before its batch committed.", cause);

    /// <summary>What a commit throws when the server refused a value of the batch (<see cref="StoreErrorKind.DataRefused"/>).</summary>
    public StoreRefusedWriteException Refused(PostgresException refusal) =>
        new($"PostgreSQL refused a write of pool {pool}'s batch ({refusal.SqlState}: {refusal.MessageText}); nothing of it was kept.", refusal);

    /// <summary>The event as Marten stores it: its own id, correlation, causation and caller, and the command's id and key as headers.</summary>
    private static IEvent StoredEvent(IDocumentSession session, RecordedEvent recorded)
    {
        var stored = session.Events.BuildEvent(recorded.Event);
        stored.Id = recorded.EventId;
        stored.CorrelationId = recorded.CorrelationId.ToString();
        stored.CausationId = recorded.CausationId?.ToString();
        stored.UserName = recorded.Caller;
        stored.SetHeader(EventHeaders.CommandId, recorded.CommandId.ToString());
        if (recorded.IdempotencyKey is { } key)
        {
            stored.SetHeader(EventHeaders.IdempotencyKey, key);
        }

        return stored;
    }

    /// <summary>What each event is about, for the history of an ID or set (migration 0010); events about neither are left out.</summary>
    private void Subjects()
    {
        var (versions, ioasids, generations, setIds) = (new List<long>(), new List<long?>(), new List<int?>(), new List<int?>());
        foreach (var recorded in events)
        {
            var about = EventMetadata.Of(recorded.Event);
            if (about.Ioasid is not null || about.SetId is not null)
            {
                versions.Add(recorded.Version);
                ioasids.Add(about.Ioasid);
                generations.Add(about.Generation);
                setIds.Add(about.SetId);
            }
        }

        if (versions.Count == 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand("""
            insert into event_subjects (stream_id, version, ioasid, generation, set_id)
            select @stream_id, s.version, s.ioasid, s.generation, s.set_id
            from unnest(@versions::bigint[], @ioasids::bigint[], @generations::int[], @set_ids::int[]) as s(version, ioasid, generation, set_id)
            """);
        command.Parameters.AddTyped("stream_id", NpgsqlDbType.Text, streamId);
        command.Parameters.AddTyped("versions", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), versions.ToArray());
        command.Parameters.AddTyped("ioasids", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), ioasids.ToArray());
        command.Parameters.AddTyped("generations", TypedParameters.ArrayOf(NpgsqlDbType.Integer), generations.ToArray());
        command.Parameters.AddTyped("set_ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), setIds.ToArray());
        commands.Add(command);
    }

    /// <summary>Wakes the relay (<see cref="Relay.PostgresAppendSignals"/>) when this commit becomes visible; only with events.</summary>
    private void Signal()
    {
        if (events.Count == 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand($"select pg_notify('{Relay.PostgresAppendSignals.Channel}', @pool)");
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        commands.Add(command);
    }

    private void ReadModels(ReadModelChanges changes) => commands.AddRange(ReadModelWriter.Commands(changes));

    private void Results(IReadOnlyList<(string Key, string ResultJson)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var command = new NpgsqlBatchCommand(
            "insert into idempotency_keys (pool, key, result) select @pool, r.key, r.result::jsonb from unnest(@keys::text[], @results::text[]) as r(key, result)");
        var (keys, json) = (new string[results.Count], new string[results.Count]);
        for (var i = 0; i < results.Count; i++)
        {
            (keys[i], json[i]) = results[i];
        }

        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        command.Parameters.AddTyped("keys", TypedParameters.ArrayOf(NpgsqlDbType.Text), keys);
        command.Parameters.AddTyped("results", TypedParameters.ArrayOf(NpgsqlDbType.Text), json);
        commands.Add(command);
    }

    private void Rejections(IReadOnlyList<RejectionRecord> rejections)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var command = new NpgsqlBatchCommand(RejectionSql.Insert);
        command.Parameters.AddWithValue("pool", pool);
        command.Parameters.AddWithValue("reasons", rejections.Select(r => r.Reason.ToString()).ToArray());
        command.Parameters.AddWithValue("errnos", rejections.Select(r => -(int)r.Errno).ToArray());
        command.Parameters.AddWithValue("ignored", rejections.Select(r => r.Ignored).ToArray());
        command.Parameters.AddWithValue("details", rejections.Select(r => r.Detail).ToArray());
        command.Parameters.AddWithValue("callers", rejections.Select(r => r.Caller).ToArray());
        command.Parameters.AddWithValue("types", rejections.Select(r => r.CommandType).ToArray());
        command.Parameters.AddWithValue("commands", rejections.Select(r => r.Command).ToArray());
        command.Parameters.AddWithValue("correlations", rejections.Select(r => r.CorrelationId).ToArray());
        command.Parameters.AddWithValue("times", rejections.Select(r => r.RecordedAt).ToArray());
        command.Parameters.AddWithValue("versions", rejections.Select(r => r.Version).ToArray());
        command.Parameters.AddWithValue("ioasids", rejections.Select(r => r.Subject.Ioasid).ToArray());
        command.Parameters.AddWithValue("generations", rejections.Select(r => r.Subject.Generation).ToArray());
        command.Parameters.AddWithValue("set_ids", rejections.Select(r => r.Subject.SetId).ToArray());
        commands.Add(command);
    }

    /// <summary>The statement of <see cref="PostgresSnapshotStore.SaveSnapshotAsync"/>, in this batch.</summary>
    private void Snapshot(PoolSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var command = new NpgsqlBatchCommand(PostgresSnapshotStore.UpsertSql);
        command.Parameters.AddWithValue("stream_id", streamId);
        command.Parameters.AddWithValue("version", snapshot.Version);
        command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(snapshot, LedgerJson.Options));
        commands.Add(command);
    }
}
