namespace PasidLedger.Domain.Model;

/// <summary>Per-pool behaviour switches fixed at pool creation.</summary>
/// <param name="Dispatch">Cross-chain order of notifications.</param>
/// <param name="AutoDestroyWhenEmpty">V4 literal: destroy a LIVE set when its last member is reclaimed (DOMAIN.md 3.5).</param>
public sealed record PoolOptions(
    DispatchPolicy Dispatch = DispatchPolicy.PerChainGlobalFirst,
    bool AutoDestroyWhenEmpty = false)
{
    /// <summary>The Model defaults.</summary>
    public static PoolOptions Default { get; } = new();
}
