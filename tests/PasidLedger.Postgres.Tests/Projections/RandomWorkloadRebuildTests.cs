using PasidLedger.Domain.Events;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.Projections;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>
/// A long random workload through the real writer, then <c>projections verify</c> and
/// <c>projections rebuild</c>: a rebuild must produce exactly the live tables (ARCHITECTURE.md 4).
/// </summary>
public sealed class RandomWorkloadRebuildTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int CommandsPerPool = 3_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RandomWorkload_VerifiesClean_AndRebuildLeavesEveryReadModelRowAsItWas()
    {
        var runs = await Task.WhenAll(
            RandomWorkload.RunAsync(db.Schema.DataSource, "host-a", seed: 11, CommandsPerPool, Ct),
            RandomWorkload.RunAsync(db.Schema.DataSource, "host-b", seed: 29, CommandsPerPool, Ct));
        foreach (var run in runs)
        {
            var streamVersion = await new HistoryQueries(db.Schema.DataSource).StreamVersionAsync(run.Pool, Ct);
            streamVersion.ShouldBe(run.Shadow.Version, $"the writer of {run.Pool} decided differently from the shadow state");
            run.Replayed.ShouldBeGreaterThan(0, "the workload retried no idempotency key");
            run.Rejected.ShouldBeGreaterThan(0, "the workload exercised no rejection path");
        }

        (await StoredEventTypesAsync()).ShouldBe(EventNames.Types.Select(EventNames.NameOf).Order(), ignoreOrder: true,
            "the workload should produce every kind of event");
        var before = await DumpAsync(runs);

        var verified = await new ProjectionVerifier(db.Schema.DataSource).VerifyAsync(null, null, Ct);
        verified.Differences.ShouldBeEmpty();
        verified.Pools.ShouldBe(2);

        var reports = new List<(long Done, long Total)>();
        var summary = await new ProjectionRebuilder(db.Schema.DataSource).RebuildAsync(null, new SyncProgress(reports.Add), Ct);
        summary.Events.ShouldBe(runs.Sum(r => r.Shadow.Version));
        reports[^1].ShouldBe((summary.Events, summary.Events));
        reports.Select(r => r.Done).ShouldBeInOrder(SortDirection.Ascending, "progress never goes backwards");

        (await DumpAsync(runs)).ShouldBe(before);
        (await new ProjectionVerifier(db.Schema.DataSource).VerifyAsync(null, null, Ct)).Differences.ShouldBeEmpty();
    }

    private async Task<List<string>> DumpAsync(IEnumerable<WorkloadRun> runs)
    {
        var rows = new List<string>();
        foreach (var run in runs)
        {
            rows.AddRange(await ReadModelTables.DumpAsync(db.Schema.DataSource, run.Pool, Ct));
        }

        rows.Count.ShouldBeGreaterThan(20, "the workload should leave sets, IDs and notifiers behind");
        return rows;
    }

    private async Task<List<string>> StoredEventTypesAsync()
    {
        await using var command = db.Schema.DataSource.CreateCommand("select distinct type from mt_events");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var types = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }
}
