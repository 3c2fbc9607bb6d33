using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten;
using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.EventStore;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// The pool writer's store on PostgreSQL: events in Marten (<see cref="LedgerEventStore"/>), snapshots,
/// stream reads and locked transactions.
/// </summary>
public sealed class PostgresPoolStore(NpgsqlDataSource dataSource) : IPoolStore, IDisposable
{
    private readonly PostgresSnapshotStore snapshots = new(dataSource);
    private readonly DocumentStore store = LedgerEventStore.Create(dataSource);

    public IPoolTransaction BeginOptimistic(string pool, long expectedVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        return new OptimisticPoolTransaction(store, dataSource, pool, expectedVersion);
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
            var version = await PoolStreams.LockAndReadVersionAsync(conn, tx, pool, ct).ConfigureAwait(false);
            return new PostgresPoolTransaction(store, pool, conn, tx, version);
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose() => store.Dispose();
}
