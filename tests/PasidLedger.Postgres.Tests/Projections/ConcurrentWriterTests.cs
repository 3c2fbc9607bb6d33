using PasidLedger.Postgres.Projections;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>
/// Verify reads one snapshot and rebuild holds the pool lock, so neither sees a half-applied group
/// commit nor loses one while the pool's writer keeps committing.
/// </summary>
public sealed class ConcurrentWriterTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyAndRebuild_WhileTheWriterCommits_FindNoDifference()
    {
        var verifier = new ProjectionVerifier(db.Schema.DataSource);
        var rebuilder = new ProjectionRebuilder(db.Schema.DataSource);
        var workload = RandomWorkload.RunAsync(db.Schema.DataSource, "host-c", seed: 21, commands: 3_000, Ct);
        var (verifies, rebuilds) = (0, 0);
        while (!workload.IsCompleted)
        {
            var verification = await verifier.VerifyAsync(null, null, Ct);
            verification.Differences.ShouldBeEmpty($"after {verification.Events} events");
            verifies++;
            if ((await rebuilder.RebuildAsync(null, null, Ct)).Pools > 0)
            {
                rebuilds++;
            }
        }

        var run = await workload;
        verifies.ShouldBeGreaterThan(1, "the workload finished before verify could overlap it");
        rebuilds.ShouldBeGreaterThan(0, "no rebuild overlapped the workload");
        var final = await verifier.VerifyAsync(null, null, Ct);
        final.Differences.ShouldBeEmpty();
        final.Events.ShouldBe(run.Shadow.Version);
    }
}
