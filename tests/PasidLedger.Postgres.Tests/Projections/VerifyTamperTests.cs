using PasidLedger.Postgres.Projections;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary><c>projections verify</c> finds every row that is not what the events say, and names it.</summary>
public sealed class VerifyTamperTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const string Pool = "host-t";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TamperedRows_AreEachReportedOnce_AndARebuildRepairsThem()
    {
        var run = await RandomWorkload.RunAsync(db.Schema.DataSource, Pool, seed: 5, commands: 600, Ct);
        var id = await RandomWorkload.AddHeldIoasidAsync(db.Schema.DataSource, run, Ct);
        var queries = new ReadModelQueries(db.Schema.DataSource);
        var ioasid = (await queries.IoasidsAsync(Pool, id, null, Ct)).Single();
        var set = (await queries.SetsAsync(Pool, ioasid.SetId, null, Ct)).Single();
        var verifier = new ProjectionVerifier(db.Schema.DataSource);
        (await verifier.VerifyAsync(Pool, null, Ct)).Differences.ShouldBeEmpty();

        await ReadModelTables.ExecuteAsync(db.Schema.DataSource, $"update refcount_view set refs = refs + 1 where pool = @pool and id = {ioasid.Id}", Pool, Ct);
        await ReadModelTables.ExecuteAsync(db.Schema.DataSource, $"delete from set_view where pool = @pool and set_id = {set.SetId}", Pool, Ct);
        await ReadModelTables.ExecuteAsync(db.Schema.DataSource,
            "insert into refcount_view (pool, id, generation, set_id, state, refs, holders) values (@pool, 999, 1, 0, 'idle', 1, '[{\"holder\": \"core\", \"count\": 1}]')", Pool, Ct);
        await ReadModelTables.ExecuteAsync(db.Schema.DataSource,
            "update capacity_view set available = available - 7 where pool = @pool", Pool, Ct);

        var verification = await verifier.VerifyAsync(Pool, null, Ct);

        verification.Matches.ShouldBeFalse();
        verification.Differences.Count.ShouldBe(4, string.Join('\n', verification.Differences));
        verification.Differences.ShouldContain($"refcount_view {Pool} id {ioasid.Id}: refs live={ioasid.Refs + 1} folded={ioasid.Refs}");
        verification.Differences.ShouldContain(d => d.StartsWith($"set_view {Pool} set {set.SetId}: missing from the live table", StringComparison.Ordinal));
        verification.Differences.ShouldContain(d => d.StartsWith($"refcount_view {Pool} id 999: extra row in the live table", StringComparison.Ordinal));
        verification.Differences.ShouldContain(d => d.StartsWith($"capacity_view {Pool}: available live=", StringComparison.Ordinal));

        await new ProjectionRebuilder(db.Schema.DataSource).RebuildAsync(Pool, null, Ct);
        (await verifier.VerifyAsync(Pool, null, Ct)).Differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task TamperedHoldersAndSpidIndex_AreReported()
    {
        const string pool = "host-h";
        var run = await RandomWorkload.RunAsync(db.Schema.DataSource, pool, seed: 8, commands: 600, Ct);
        var held = await RandomWorkload.AddHeldIoasidAsync(db.Schema.DataSource, run, Ct);
        await ReadModelTables.ExecuteAsync(db.Schema.DataSource,
            $"update refcount_view set holders = holders || '[{{\"holder\": \"ghost\", \"count\": 2}}]' where pool = @pool and id = {held}", pool, Ct);
        await ReadModelTables.ExecuteAsync(db.Schema.DataSource, "update spid_index set id = id + 1 where pool = @pool and spid = 4242", pool, Ct);
        await ReadModelTables.ExecuteAsync(db.Schema.DataSource,
            "insert into spid_index (pool, set_id, spid, id) values (@pool, 77, 4242, 1)", pool, Ct);

        var differences = (await new ProjectionVerifier(db.Schema.DataSource).VerifyAsync(pool, null, Ct)).Differences;

        differences.Count.ShouldBe(3, string.Join('\n', differences));
        differences.ShouldContain(d => d.StartsWith($"refcount_view {pool} id {held}: holders live={{", StringComparison.Ordinal) && d.Contains("ghost: 2", StringComparison.Ordinal));
        differences.ShouldContain(d => d.StartsWith($"spid_index {pool} set ", StringComparison.Ordinal) && d.EndsWith($"spid 4242: id live={held + 1} folded={held}", StringComparison.Ordinal));
        differences.ShouldContain($"spid_index {pool} set 77 spid 4242: extra row in the live table, the fold has none (live: id=1)");
    }

    [Fact]
    public async Task VerifyOfAnUnknownPool_Fails()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => new ProjectionVerifier(db.Schema.DataSource).VerifyAsync("no-such-pool", null, Ct));
        failure.Message.ShouldContain("no-such-pool");
    }
}
