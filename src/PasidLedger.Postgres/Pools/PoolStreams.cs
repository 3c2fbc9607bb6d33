namespace PasidLedger.Postgres.Pools;

/// <summary>One stream per pool (ARCHITECTURE.md 2).</summary>
public static class PoolStreams
{
    /// <summary>
    /// Takes the pool's transaction-scoped advisory lock (parameter <c>@pool</c>). Every pool writer,
    /// locked or optimistic, and a rebuild use this one key, so they exclude each other; advisory
    /// locks are per database, not per schema.
    /// </summary>
    internal const string LockSql = "select pg_advisory_xact_lock(hashtextextended(@pool, 0))";

    public static string StreamId(string pool) => $"pool-{pool}";
}
