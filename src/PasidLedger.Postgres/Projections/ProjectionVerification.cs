namespace PasidLedger.Postgres.Projections;

/// <summary>The outcome of <c>projections verify</c>.</summary>
/// <param name="Pools">Pools compared.</param>
/// <param name="Events">Events folded, over all pools.</param>
/// <param name="Differences">Every difference between the live tables and the fold, one sentence each; empty when they match.</param>
public sealed record ProjectionVerification(int Pools, long Events, IReadOnlyList<string> Differences)
{
    /// <summary>True when the live read models are exactly what the events produce.</summary>
    public bool Matches => Differences.Count == 0;
}
