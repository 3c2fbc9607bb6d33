using Npgsql;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>What is stored for one pool, read straight from the tables.</summary>
internal static class LedgerStream
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<List<(long Version, PoolEvent Event)>> EventsAsync(NpgsqlDataSource dataSource, string pool)
    {
        using var store = new PostgresPoolStore(dataSource);
        return await store.ReadAsync(pool, 0, Ct).ToListAsync(Ct);
    }

    public static async Task<long> VersionAsync(NpgsqlDataSource dataSource, string pool) =>
        await ScalarAsync(dataSource, "select coalesce(max(version), 0) from mt_events where stream_id = @stream", pool);

    /// <summary>The inserting transaction of each event, in version order (<c>xmin</c> is its transaction id).</summary>
    public static async Task<List<(long Version, string Transaction)>> TransactionsAsync(NpgsqlDataSource dataSource, string pool)
    {
        await using var cmd = dataSource.CreateCommand("select version, xmin::text from mt_events where stream_id = @stream order by version");
        cmd.Parameters.AddWithValue("stream", PoolStreams.StreamId(pool));
        var rows = new List<(long, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    public static async Task<List<long>> SnapshotVersionsAsync(NpgsqlDataSource dataSource, string pool)
    {
        await using var cmd = dataSource.CreateCommand("select version from snapshots where stream_id = @stream order by version");
        cmd.Parameters.AddWithValue("stream", PoolStreams.StreamId(pool));
        var versions = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    public static async Task<long> IdempotencyKeysAsync(NpgsqlDataSource dataSource, string pool, params string[] keys)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from idempotency_keys where pool = @pool and key = any(@keys)");
        cmd.Parameters.AddWithValue("pool", pool);
        cmd.Parameters.AddWithValue("keys", keys);
        return (long)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, string pool)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue("stream", PoolStreams.StreamId(pool));
        return (long)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
