using Npgsql;

namespace PasidLedger.Postgres.Pools;

/// <summary>One stream per pool (ARCHITECTURE.md 2), a Marten stream with a string key, and the one pool lock.</summary>
public static class PoolStreams
{
    /// <summary>
    /// Takes the pool's transaction-scoped advisory lock (parameter <c>@pool</c>). Every pool writer,
    /// optimistic or locked, and a rebuild take it before anything else, so they exclude each other in
    /// one lock order. Not the stream row: Marten's append inserts the events before it updates that row,
    /// so a writer holding the row while another appends deadlocks. Advisory locks are per database.
    /// </summary>
    internal const string LockSql = "select pg_advisory_xact_lock(hashtextextended(@pool, 0))";

    /// <summary>What every pool stream's id starts with.</summary>
    public const string StreamPrefix = "pool-";

    public static string StreamId(string pool) => StreamPrefix + pool;

    /// <summary>Takes the pool lock in <paramref name="tx"/> (<see cref="LockSql"/>).</summary>
    internal static async Task LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        await using var lockPool = new NpgsqlCommand(LockSql, conn, tx);
        lockPool.Parameters.AddWithValue("pool", pool);
        await lockPool.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the pool lock and reads the stream's version (0 before its first event) in one round trip.
    /// Read committed gives each statement its own snapshot, so the version is read after the lock was
    /// granted and includes the commit of whoever held it before.
    /// </summary>
    internal static async Task<long> LockAndReadVersionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        var lockPool = new NpgsqlBatchCommand(LockSql);
        lockPool.Parameters.AddWithValue("pool", pool);
        var version = new NpgsqlBatchCommand("select version from mt_streams where id = @stream_id");
        version.Parameters.AddWithValue("stream_id", StreamId(pool));
        batch.BatchCommands.Add(lockPool);
        batch.BatchCommands.Add(version);
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.NextResultAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? reader.GetInt64(0) : 0;
    }
}
