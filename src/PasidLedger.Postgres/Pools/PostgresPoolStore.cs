using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Events;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Pools;

/// <summary>The pool writer's store on PostgreSQL: snapshots, stream reads and locked transactions.</summary>
public sealed class PostgresPoolStore(NpgsqlDataSource dataSource) : IPoolStore
{
    private readonly PostgresSnapshotStore snapshots = new(dataSource);

    public IPoolTransaction BeginOptimistic(string pool, long expectedVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        return new OptimisticPoolTransaction(dataSource, pool, expectedVersion);
    }

    public async Task<PoolSnapshot?> LoadSnapshotAsync(string pool, CancellationToken ct)
    {
        var stored = await snapshots.LoadLatestSnapshotAsync(PoolStreams.StreamId(pool), ct).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize<PoolSnapshot>(stored.BodyJson, LedgerJson.Options);
    }

    public async IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(
        string pool, long afterVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await foreach (var item in PoolStreamReader.ReadAsync(conn, null, pool, afterVersion, long.MaxValue, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public async Task<IPoolTransaction> BeginAsync(string pool, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            var version = await LockAndReadVersionAsync(conn, tx, pool, ct).ConfigureAwait(false);
            return new PostgresPoolTransaction(pool, conn, tx, version);
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Takes the pool lock and reads the stream version in one round trip. Read committed gives each
    /// statement its own snapshot, so the version is read after the lock was granted and includes
    /// the commit of whoever held it before. The lock is <see cref="PoolStreams.LockSql"/>, so every
    /// pool writer excludes the others.
    /// </summary>
    private static async Task<long> LockAndReadVersionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        var lockPool = new NpgsqlBatchCommand(PoolStreams.LockSql);
        lockPool.Parameters.AddWithValue("pool", pool);
        var version = new NpgsqlBatchCommand("select version from streams where stream_id = @stream_id");
        version.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
        batch.BatchCommands.Add(lockPool);
        batch.BatchCommands.Add(version);
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.NextResultAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? reader.GetInt64(0) : 0;
    }
}
