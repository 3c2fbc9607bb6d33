namespace PasidLedger.Postgres.Pools;

/// <summary>One stream per pool (ARCHITECTURE.md 2).</summary>
public static class PoolStreams
{
    public static string StreamId(string pool) => $"pool-{pool}";
}
