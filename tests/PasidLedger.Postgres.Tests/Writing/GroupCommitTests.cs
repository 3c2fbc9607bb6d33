using PasidLedger.Domain;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Group commit (ARCHITECTURE.md 2, step 1): concurrent commands share transactions.</summary>
public sealed class GroupCommitTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int Submitters = 32;
    private const int CommandsEach = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyConcurrentSubmitters_ShareTransactions_AndEveryCommandIsStoredOnce()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 1024, 0);
        var commitsBefore = instance.Store.Commits;

        // Each submitter waits for its previous command, as an HTTP caller would.
        var granted = await Task.WhenAll(Enumerable.Range(0, Submitters).Select(_ => Task.Run(async () =>
        {
            var ids = new List<uint>();
            for (var i = 0; i < CommandsEach; i++)
            {
                ids.Add(Replies.Granted(await instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 1023, null)))!.Id);
            }

            return ids;
        }, Ct))).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var commands = Submitters * CommandsEach;
        var transactions = instance.Store.Commits - commitsBefore;
        TestContext.Current.TestOutputHelper?.WriteLine($"{commands} commands in {transactions} transactions");
        transactions.ShouldBeLessThan(commands);
        ((double)commands / transactions).ShouldBeGreaterThan(1.0, "a transaction carried one command on average");
        granted.SelectMany(ids => ids).Distinct().Count().ShouldBe(commands);
        var audit = StreamAudit.Of(await LedgerStream.EventsAsync(db.Schema.DataSource, pool));
        audit.Allocations.ShouldBe(commands);
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, audit.State);
    }
}
