namespace PasidLedger.Benchmarks.Domain;

/// <summary>Where the free IDs of <see cref="AllocationAtHighOccupancyBenchmark"/> lie.</summary>
public enum HoleLayout
{
    /// <summary>Spread at random over the whole ID space: the lowest free ID is near the bottom.</summary>
    Scattered,

    /// <summary>Everything below 0x80000 in use: a lowest-first search has to get past eight full pages.</summary>
    UpperHalf,
}
