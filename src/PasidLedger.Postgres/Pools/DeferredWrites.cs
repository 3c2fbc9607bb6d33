using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Errors;
using PasidLedger.Postgres.Events;
using PasidLedger.Postgres.ReadModels;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// The writes of one group commit, none of whose answers the writer needs before committing: the
/// event append, read models, idempotency keys, rejections and a snapshot. They travel as one
/// <see cref="NpgsqlBatch"/>, so a group commit pays one round trip for all of them.
/// </summary>
/// <remarks>
/// The append keeps its expected-version check: it inserts only through the stream row it moved
/// from the expected version, and fewer rows than events is reported by <see cref="AppendShortBy"/>.
/// </remarks>
internal sealed class DeferredWrites(string pool)
{
    private readonly string streamId = PoolStreams.StreamId(pool);
    private readonly List<NpgsqlBatchCommand> commands = new(12);
    private (NpgsqlBatchCommand Command, long ExpectedVersion, int Count)? append;

    /// <summary>The writes of <paramref name="commit"/>, in the order they are sent: append, read models, keys, rejections, snapshot.</summary>
    public static DeferredWrites Of(string pool, PoolCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var writes = new DeferredWrites(pool);
        if (commit.Events.Count > 0)
        {
            writes.Append(commit.ExpectedVersion, commit.Events);
        }

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

    /// <summary>What a commit throws when the server refused a value of the batch (<see cref="StoreErrorKind.DataRefused"/>).</summary>
    public StoreRefusedWriteException Refused(PostgresException refusal) =>
        new($"PostgreSQL refused a write of pool {pool}'s batch ({refusal.SqlState}: {refusal.MessageText}); nothing of it was kept.", refusal);

    /// <summary>Events the append did not insert (0 when it did all, or there was none); read after the batch ran.</summary>
    public int AppendShortBy => append is { } a ? a.Count - a.Command.RecordsAffected : 0;

    private void Append(long expectedVersion, IReadOnlyList<RecordedEvent> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var rows = recorded.Select(ToRow).ToArray();
        var command = EventAppendCommand.CreateBatchCommand(streamId, pool, expectedVersion, rows);
        commands.Add(command);
        append = (command, expectedVersion, rows.Length);
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

    /// <summary>
    /// Call last. Puts the pool lock (<see cref="PoolStreams.LockSql"/>)
    /// and <c>expect_stream_version</c> (migration 0004, SQLSTATE LD001) in front of the writes; read
    /// committed gives the check its own snapshot, taken after the lock was granted. With an append,
    /// a second check after it makes a short append raise too, so the batch is all or nothing.
    /// </summary>
    public void GuardWith(long expectedVersion)
    {
        var lockPool = new NpgsqlBatchCommand(PoolStreams.LockSql);
        lockPool.Parameters.AddWithValue("pool", pool);
        commands.InsertRange(0, [lockPool, Expect(expectedVersion)]);
        if (append is { } a)
        {
            commands.Add(Expect(a.ExpectedVersion + a.Count));
        }
    }

    private NpgsqlBatchCommand Expect(long version)
    {
        var check = new NpgsqlBatchCommand("select expect_stream_version(@stream_id, @expected)");
        check.Parameters.AddWithValue("stream_id", streamId);
        check.Parameters.AddWithValue("expected", version);
        return check;
    }

    /// <summary>Sends every write in one batch: in <paramref name="tx"/>, or, without one, as one implicit transaction.</summary>
    public async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        if (commands.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static EventToAppend ToRow(RecordedEvent recorded)
    {
        var (type, body) = EventSerializer.Serialize(recorded.Event);
        var metadata = EventMetadata.Of(recorded.Event);
        return new EventToAppend(recorded.EventId, type, body, metadata.Ioasid, metadata.Generation, metadata.SetId,
            metadata.Token, recorded.CorrelationId, recorded.CausationId, recorded.RecordedAt);
    }
}
