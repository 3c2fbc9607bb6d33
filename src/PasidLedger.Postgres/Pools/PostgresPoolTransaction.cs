using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Events;
using PasidLedger.Postgres.ReadModels;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// One group commit on one connection, holding the pool's advisory transaction lock. The read
/// models are written when applied; the append, keys and rejections go in one batch at commit.
/// </summary>
internal sealed class PostgresPoolTransaction(
    string pool, NpgsqlConnection conn, NpgsqlTransaction tx, long streamVersion,
    PostgresEventStore events, PostgresSnapshotStore snapshots) : IPoolTransaction
{
    private readonly DeferredWrites writes = new(conn, tx, PoolStreams.StreamId(pool));

    public long StreamVersion { get; } = streamVersion;

    /// <summary>
    /// Nothing to read when the writer is already at the version seen under the lock: while the
    /// lock is held no one else appends, so the usual single-instance batch saves the round trip.
    /// </summary>
    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        afterVersion == StreamVersion
            ? AsyncEnumerable.Empty<(long, PoolEvent)>()
            : PostgresPoolStore.ReadAsync(events, conn, tx, pool, afterVersion, ct);

    public async Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select key, result::text from idempotency_keys where pool = @pool and key = any(@keys)", conn, tx);
        command.Parameters.AddWithValue("pool", pool);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found[reader.GetString(0)] = reader.GetString(1);
        }

        return found;
    }

    public Task AppendAsync(long expectedVersion, IReadOnlyList<RecordedEvent> recorded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var rows = recorded.Select(ToRow).ToArray();
        using var command = EventAppendCommand.Create(conn, tx, PoolStreams.StreamId(pool), pool, expectedVersion, rows);
        writes.AddAppend(command, expectedVersion, rows.Length);
        return Task.CompletedTask;
    }

    public Task ApplyAsync(ReadModelChanges changes, CancellationToken ct) => ReadModelWriter.ApplyAsync(conn, tx, changes, ct);

    public Task SaveResultsAsync(IReadOnlyList<(string Key, string ResultJson)> results, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(results);
        var command = new NpgsqlBatchCommand(
            "insert into idempotency_keys (pool, key, result) select @pool, r.key, r.result::jsonb from unnest(@keys::text[], @results::text[]) as r(key, result)");
        command.Parameters.AddWithValue("pool", pool);
        command.Parameters.AddWithValue("keys", results.Select(r => r.Key).ToArray());
        command.Parameters.AddWithValue("results", results.Select(r => r.ResultJson).ToArray());
        writes.Add(command);
        return Task.CompletedTask;
    }

    public Task RecordRejectionsAsync(IReadOnlyList<RejectionRecord> rejections, CancellationToken ct)
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
        writes.Add(command);
        return Task.CompletedTask;
    }

    public Task SaveSnapshotAsync(PoolSnapshot snapshot, CancellationToken ct) =>
        snapshots.SaveSnapshotAsync(conn, tx, PoolStreams.StreamId(pool), snapshot.Version,
            JsonSerializer.Serialize(snapshot, LedgerJson.Options), ct);

    public async Task CommitAsync(CancellationToken ct)
    {
        await writes.FlushAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await writes.DisposeAsync().ConfigureAwait(false);
        await tx.DisposeAsync().ConfigureAwait(false);
        await conn.DisposeAsync().ConfigureAwait(false);
    }

    private static EventToAppend ToRow(RecordedEvent recorded)
    {
        var (type, body) = EventSerializer.Serialize(recorded.Event);
        var metadata = EventMetadata.Of(recorded.Event);
        return new EventToAppend(recorded.EventId, type, body, metadata.Ioasid, metadata.Generation, metadata.SetId,
            metadata.Token, recorded.CorrelationId, recorded.CausationId, recorded.RecordedAt);
    }
}
