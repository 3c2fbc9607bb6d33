namespace PasidLedger.Postgres.Pools;

/// <summary>One stream per pool (ARCHITECTURE.md 2), a Marten stream with a string key.</summary>
public static class PoolStreams
{
    /// <summary>
    /// Locks the pool's stream row until the transaction ends and returns its version (parameter
    /// <c>@stream_id</c>). Marten's append updates the same row, so locked writers, optimistic
    /// appends and a rebuild exclude each other in one lock order.
    /// </summary>
    internal const string LockSql = "select version from mt_streams where id = @stream_id for update";

    public static string StreamId(string pool) => $"pool-{pool}";
}
