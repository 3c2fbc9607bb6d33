namespace PasidLedger.Contracts.V1;

/// <summary>A pool's behaviour switches, fixed at creation, as <see cref="PoolCreated"/> reports them.</summary>
/// <param name="Dispatch"><c>perChainGlobalFirst</c> (V4 code, the default) or <c>mergedByPriority</c> (DOMAIN.md 4.5).</param>
/// <param name="AutoDestroyWhenEmpty">V4 literal: destroy a live set when its last member is reclaimed (DOMAIN.md 3.5).</param>
public sealed record PoolOptions(string Dispatch, bool AutoDestroyWhenEmpty);
