using Npgsql;
using PasidLedger.Postgres.Projections;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary><c>projections rebuild</c> recreates lost read models exactly, touches only its pool, and waits for the pool's writer.</summary>
public sealed class RebuildTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RebuildOfAPoolWhoseReadModelsWereDeleted_RecreatesThemExactly()
    {
        await RandomWorkload.RunAsync(db.Schema.DataSource, "host-d", seed: 3, commands: 1_500, Ct);
        await RandomWorkload.RunAsync(db.Schema.DataSource, "host-e", seed: 4, commands: 300, Ct);
        var before = await ReadModelTables.DumpAsync(db.Schema.DataSource, "host-d", Ct);
        var neighbour = await ReadModelTables.DumpAsync(db.Schema.DataSource, "host-e", Ct);
        await ReadModelTables.DeleteAsync(db.Schema.DataSource, "host-d", Ct);
        var verifier = new ProjectionVerifier(db.Schema.DataSource);
        var missing = (await verifier.VerifyAsync("host-d", null, Ct)).Differences;
        missing.Count.ShouldBe(before.Count, "every deleted row is one difference");
        missing.ShouldAllBe(d => d.Contains("missing from the live table", StringComparison.Ordinal));

        var summary = await new ProjectionRebuilder(db.Schema.DataSource).RebuildAsync("host-d", null, Ct);

        summary.Pools.ShouldBe(1);
        summary.Rows.ShouldBe(before.Count);
        (await ReadModelTables.DumpAsync(db.Schema.DataSource, "host-d", Ct)).ShouldBe(before);
        (await ReadModelTables.DumpAsync(db.Schema.DataSource, "host-e", Ct)).ShouldBe(neighbour);
        (await verifier.VerifyAsync(null, null, Ct)).Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rebuild_WaitsForTheWriterHoldingThePoolLock()
    {
        await RandomWorkload.RunAsync(db.Schema.DataSource, "host-l", seed: 9, commands: 200, Ct);
        await using var writer = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var writerTx = await writer.BeginTransactionAsync(Ct);
        await PoolLock.TakeAsync(writer, writerTx, "host-l");

        var rebuild = new ProjectionRebuilder(db.Schema.DataSource).RebuildAsync("host-l", null, Ct);
        await WaitUntilSomeoneWaitsForAnAdvisoryLockAsync();
        rebuild.IsCompleted.ShouldBeFalse();
        await writerTx.CommitAsync(Ct);

        (await rebuild.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Pools.ShouldBe(1);
    }

    [Fact]
    public async Task RebuildOfAPoolWithoutAStream_Fails()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => new ProjectionRebuilder(db.Schema.DataSource).RebuildAsync("no-such-pool", null, Ct));
        failure.Message.ShouldContain("no event stream");
    }

    private Task WaitUntilSomeoneWaitsForAnAdvisoryLockAsync() => PoolLock.WaitUntilAWriterWaitsAsync(db.Schema.DataSource, "host-l");
}
