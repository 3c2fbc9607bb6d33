using Npgsql;

namespace PasidLedger.Postgres.Tests;

/// <summary>The pool's advisory lock as a test takes and watches it (the same key as <c>PoolStreams.LockSql</c>).</summary>
internal static class PoolLock
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task TakeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool)
    {
        await using var command = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@pool, 0))", conn, tx);
        command.Parameters.AddWithValue("pool", pool);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>
    /// Polls pg_locks until a backend waits for this pool's advisory lock, so a test does not guess a
    /// delay. A bigint advisory key shows as classid (high 32 bits) and objid (low 32 bits).
    /// </summary>
    public static async Task WaitUntilAWriterWaitsAsync(NpgsqlDataSource dataSource, string pool)
    {
        await using var conn = await dataSource.OpenConnectionAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            """
            with k as (select hashtextextended(@pool, 0) as key)
            select count(*) from pg_locks, k
            where locktype = 'advisory' and not granted and objsubid = 1
              and classid = ((k.key >> 32) & 4294967295)::oid and objid = (k.key & 4294967295)::oid
            """, conn);
        cmd.Parameters.AddWithValue("pool", pool);
        await Poll.UntilAsync(async () => (long)(await cmd.ExecuteScalarAsync(Ct))! > 0, "no writer ever waited for the pool lock", Ct);
    }
}
