namespace PasidLedger.Postgres.Projections;

/// <summary>What one <c>projections rebuild</c> did.</summary>
/// <param name="Pools">Pools rebuilt, each in its own locked transaction.</param>
/// <param name="Events">Events folded, over all pools.</param>
/// <param name="Rows">Read-model rows written (capacity, sets, refcounts, SPID index entries, notifiers).</param>
/// <param name="Elapsed">Wall time from the first read to the last commit.</param>
public sealed record ProjectionRebuildSummary(int Pools, long Events, long Rows, TimeSpan Elapsed)
{
    /// <summary>Events folded per second of wall time, the rebuild's headline figure.</summary>
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
}
