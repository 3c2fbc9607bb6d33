using PasidLedger.Domain;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// Two service instances (own data source, store and cached state each) write one pool at once:
/// the advisory lock and the catch-up under it must make them behave as one writer (ARCHITECTURE.md 2).
/// </summary>
public sealed class TwoWriterInstancesTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int ClientsPerInstance = 8;
    private const int Rounds = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstancesHammeringOnePool_NeverDoubleAllocate_KeepQuotas_AndLeaveReadModelsEqualToAFold()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var a = WriterInstance.Start(server, db.Schema);
        await using var b = WriterInstance.Start(server, db.Schema);
        // 16 callers, each holding one number most of the time, share 4 x 3 quota slots and 10 numbers.
        var sets = await a.CreatePoolAsync(pool, 32, 3, 3, 3, 3);
        var clients = new[] { a, b }
            .SelectMany((instance, n) => Enumerable.Range(0, ClientsPerInstance)
                .Select(i => new LifecycleClient(instance, pool, sets, $"drv{n}{i}", 1000 * n + i)))
            .ToArray();

        await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(Rounds), Ct))).WaitAsync(TimeSpan.FromSeconds(120), Ct);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{clients.Sum(c => c.Commands)} commands in {a.Store.Commits} + {b.Store.Commits} transactions, {clients.Sum(c => c.Refused)} allocations refused");
        clients.SelectMany(c => c.Unexpected).ShouldBeEmpty();
        clients.Sum(c => c.Commands).ShouldBeGreaterThan(2000);
        clients.Sum(c => c.Refused).ShouldBeGreaterThan(0, "the callers never contended for quota or numbers");
        a.Store.Commits.ShouldBeGreaterThan(0);
        b.Store.Commits.ShouldBeGreaterThan(0);

        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        var audit = StreamAudit.Of(events);
        audit.Allocations.ShouldBe(clients.Sum(c => c.Allocations), "every granted number is one stored allocation");
        audit.Reclaims.ShouldBe(audit.Allocations, "every lifecycle ended, so every number went back");
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, Pool.Replay(events.Select(e => e.Event)));
    }

    [Fact]
    public async Task EachTransactionOfTwoInstances_AppendsOneContiguousRunOfVersions()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var a = WriterInstance.Start(server, db.Schema);
        await using var b = WriterInstance.Start(server, db.Schema);
        var sets = await a.CreatePoolAsync(pool, 32, 3, 3);
        var clients = new[] { a, b }
            .SelectMany((instance, n) => Enumerable.Range(0, 4).Select(i => new LifecycleClient(instance, pool, sets, $"drv{n}{i}", 77 * n + i)))
            .ToArray();

        await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(10), Ct))).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var rows = await LedgerStream.TransactionsAsync(db.Schema.DataSource, pool);
        foreach (var run in rows.GroupBy(r => r.Transaction))
        {
            var versions = run.Select(r => r.Version).ToArray();
            versions.ShouldBe(Enumerable.Range(0, versions.Length).Select(i => versions[0] + i), $"transaction {run.Key} interleaved");
        }
    }
}
