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
    private const int PageSize = 10_000;
    private readonly PostgresEventStore events = new(dataSource);
    private readonly PostgresSnapshotStore snapshots = new(dataSource);

    public async Task<PoolSnapshot?> LoadSnapshotAsync(string pool, CancellationToken ct)
    {
        var stored = await snapshots.LoadLatestSnapshotAsync(PoolStreams.StreamId(pool), ct).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize<PoolSnapshot>(stored.BodyJson, LedgerJson.Options);
    }

    public async IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(
        string pool, long afterVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await foreach (var item in ReadAsync(events, conn, null, pool, afterVersion, ct).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public async Task<IPoolTransaction> BeginAsync(string pool, CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            await events.AcquirePoolLockAsync(conn, tx, pool, ct).ConfigureAwait(false);
            var version = await StreamVersionAsync(conn, tx, pool, ct).ConfigureAwait(false);
            return new PostgresPoolTransaction(pool, conn, tx, version, events, snapshots);
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Pages through a pool stream, deserializing each event.</summary>
    internal static async IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(PostgresEventStore events,
        NpgsqlConnection conn, NpgsqlTransaction? tx, string pool, long afterVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        var streamId = PoolStreams.StreamId(pool);
        var read = PageSize;
        while (read == PageSize)
        {
            read = 0;
            await foreach (var stored in events.ReadStreamAsync(conn, tx, streamId, afterVersion, PageSize, ct).ConfigureAwait(false))
            {
                read++;
                afterVersion = stored.Version;
                yield return (stored.Version, EventSerializer.Deserialize(stored.Type, stored.BodyJson));
            }
        }
    }

    private static async Task<long> StreamVersionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select version from streams where stream_id = @stream_id", conn, tx);
        command.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long version ? version : 0;
    }
}
