using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// Commands naming pools that do not exist are refused, and the writers started for them retire
/// once idle: random names must not leave a writer (a loop and a cached state) per name behind.
/// </summary>
public sealed class UnknownPoolWriterTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    [Fact]
    public async Task WritersOfUnknownPools_AnswerPoolNotCreated_AndRetire()
    {
        await using var instance = WriterInstance.Start(server, db.Schema);
        var names = Enumerable.Range(0, 40).Select(_ => $"nowhere-{Guid.NewGuid():N}").ToArray();

        var replies = await Task.WhenAll(names.Select(name => instance.SubmitAsync(name, new ReserveCapacity(1))));

        replies.ShouldAllBe(reply => reply.Reason == RejectionReason.PoolNotCreated);
        await WaitForWritersAsync(instance, 0);
        instance.Writers.Count.ShouldBe(0);
        foreach (var name in names.Take(3))
        {
            (await LedgerStream.VersionAsync(db.Schema.DataSource, name)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task APoolCreatedAfterItsWriterRetired_GetsANewWriterThatStays()
    {
        await using var instance = WriterInstance.Start(server, db.Schema);
        var pool = $"later-{Guid.NewGuid():N}";
        (await instance.SubmitAsync(pool, new ReserveCapacity(1))).Reason.ShouldBe(RejectionReason.PoolNotCreated);
        await WaitForWritersAsync(instance, 0);

        var sets = await instance.CreatePoolAsync(pool, 8, 4);
        var granted = Replies.Granted(await instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 7, null)));

        granted.ShouldNotBeNull();
        instance.Writers.Count.ShouldBe(1, "the writer of an existing pool stays");
        (await LedgerStream.VersionAsync(db.Schema.DataSource, pool)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CommandsRacingARetiringWriter_AreAllAnswered()
    {
        await using var instance = WriterInstance.Start(server, db.Schema);
        var pool = $"racing-{Guid.NewGuid():N}";

        var replies = new List<CommandResult>();
        for (var round = 0; round < 20; round++)
        {
            // A burst lands before, during and after the retirement of the writer the last burst started.
            replies.AddRange(await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => instance.SubmitAsync(pool, new ReserveCapacity(1)))));
        }

        replies.Count.ShouldBe(100);
        replies.ShouldAllBe(reply => reply.Reason == RejectionReason.PoolNotCreated);
    }

    /// <summary>Retiring happens after the callers are answered, so wait for it.</summary>
    private static Task WaitForWritersAsync(WriterInstance instance, int count) =>
        Poll.UntilAsync(() => Task.FromResult(instance.Writers.Count == count), $"the writers never came down to {count}",
            TestContext.Current.CancellationToken);
}
