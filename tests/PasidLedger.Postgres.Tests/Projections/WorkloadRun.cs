using PasidLedger.Domain.State;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>What a <see cref="RandomWorkload"/> did: the shadow state it ends in, retries replayed, commands refused.</summary>
internal sealed record WorkloadRun(string Pool, PoolState Shadow, int Replayed, int Rejected);
