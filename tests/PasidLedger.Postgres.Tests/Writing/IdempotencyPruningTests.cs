using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Idempotency keys older than the retention window are deleted, in batches; younger ones stay.</summary>
public sealed class IdempotencyPruningTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pruning_DeletesEveryKeyRecordedBeforeTheCutOff_AcrossBatches_AndKeepsTheRest()
    {
        const int old = IdempotencyPruning.Batch * 2 + 17;
        await db.Schema.ExecuteAsync($"""
            insert into idempotency_keys (pool, key, result, recorded_at)
            select 'prune', 'old-' || n, '"ok"'::jsonb, now() - interval '2 days' from generate_series(1, {old}) as n;
            insert into idempotency_keys (pool, key, result, recorded_at)
            select 'prune', 'new-' || n, '"ok"'::jsonb, now() from generate_series(1, 10) as n;
            """);

        var deleted = await new IdempotencyPruning(db.Schema.DataSource).PruneAsync(DateTimeOffset.UtcNow.AddDays(-1), Ct);

        deleted.ShouldBe(old);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, "prune", [.. Enumerable.Range(1, 10).Select(n => $"new-{n}")])).ShouldBe(10);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, "prune", "old-1", $"old-{old}")).ShouldBe(0);
    }
}
