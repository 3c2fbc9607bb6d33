namespace PasidLedger.Postgres.Tests;

/// <summary>Checkpoints per reader and pool, committed with the work they guard.</summary>
public sealed class CheckpointStoreTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkpoint_StartsAtZero_AndKeepsTheLastCommittedVersionPerReaderAndPool()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        (await db.Checkpoints.LoadCheckpointAsync("relay", pool, Ct)).ShouldBe(0);

        await SaveAsync("relay", pool, 7, commit: true);
        await SaveAsync("relay", pool, 9, commit: true);
        await SaveAsync("relay", pool, 12, commit: false);
        await SaveAsync("timeline", pool, 3, commit: true);

        (await db.Checkpoints.LoadCheckpointAsync("relay", pool, Ct)).ShouldBe(9);
        (await db.Checkpoints.LoadCheckpointAsync("timeline", pool, Ct)).ShouldBe(3);
        (await db.Checkpoints.LoadCheckpointAsync("relay", $"other-{pool}", Ct)).ShouldBe(0);
    }

    private async Task SaveAsync(string name, string pool, long version, bool commit)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        await db.Checkpoints.SaveCheckpointAsync(conn, tx, name, pool, version, Ct);
        (await db.Checkpoints.LoadCheckpointAsync(conn, tx, name, pool, Ct)).ShouldBe(version);
        if (commit)
        {
            await tx.CommitAsync(Ct);
        }
    }
}
