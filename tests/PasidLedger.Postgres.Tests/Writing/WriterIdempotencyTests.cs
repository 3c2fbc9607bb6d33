using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Idempotency keys at the writer (ARCHITECTURE.md 2): a retried command returns the first result and appends nothing.</summary>
public sealed class WriterIdempotencyTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    [Fact]
    public async Task SameKeyConcurrentlyTwiceThenAgain_AppendsOneAllocation_AndRepliesTheSameResult()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 8);
        var before = await LedgerStream.VersionAsync(db.Schema.DataSource, pool);
        var alloc = new AllocateIoasid(sets[0], 1, 63, null);

        var concurrent = await Task.WhenAll(instance.SubmitAsync(pool, alloc, "k-1"), instance.SubmitAsync(pool, alloc, "k-1"));
        var sequential = await instance.SubmitAsync(pool, alloc, "k-1");

        concurrent.Count(r => !r.Replayed).ShouldBe(1);
        sequential.Replayed.ShouldBeTrue();
        var first = concurrent.Single(r => !r.Replayed);
        Replies.Granted(first).ShouldNotBeNull();
        foreach (var result in concurrent.Append(sequential))
        {
            (result with { Replayed = false }).ShouldBe(first);
        }

        await ShouldHaveAllocatedOnceSinceAsync(pool, before);
    }

    [Fact]
    public async Task SameKeyOnTwoInstancesAtOnce_AppendsOneAllocation_AndBothReplyTheSameResult()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var a = WriterInstance.Start(server, db.Schema);
        await using var b = WriterInstance.Start(server, db.Schema);
        var sets = await a.CreatePoolAsync(pool, 64, 8);
        var before = await LedgerStream.VersionAsync(db.Schema.DataSource, pool);
        var alloc = new AllocateIoasid(sets[0], 1, 63, null);

        var results = await Task.WhenAll(a.SubmitAsync(pool, alloc, "k-2"), b.SubmitAsync(pool, alloc, "k-2"));

        results.Count(r => r.Replayed).ShouldBe(1);
        results[0].ShouldBe(results[1] with { Replayed = results[0].Replayed });
        await ShouldHaveAllocatedOnceSinceAsync(pool, before);
        var other = Replies.Granted(await b.SubmitAsync(pool, alloc, "k-3")).ShouldNotBeNull();
        other.Id.ShouldNotBe(Replies.Granted(results[0])!.Id, "a new key is a new command");
    }

    [Fact]
    public async Task TheSameKeyInTwoPools_IsTwoCommands()
    {
        var (pool, other) = ($"host-{Guid.NewGuid():N}", $"other-{Guid.NewGuid():N}");
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 8);
        var otherSets = await instance.CreatePoolAsync(other, 64, 8);
        var before = await LedgerStream.VersionAsync(db.Schema.DataSource, pool);

        var here = await instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 63, null), "k-1");
        var there = await instance.SubmitAsync(other, new AllocateIoasid(otherSets[0], 1, 63, null), "k-1");

        here.Replayed.ShouldBeFalse();
        there.Replayed.ShouldBeFalse("keys are per pool");
        await ShouldHaveAllocatedOnceSinceAsync(pool, before);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, other, "k-1")).ShouldBe(1);
    }

    private async Task ShouldHaveAllocatedOnceSinceAsync(string pool, long before)
    {
        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        events.Where(e => e.Version > before).Count(e => e.Event is IoasidAllocated).ShouldBe(1);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, pool, "k-1", "k-2")).ShouldBe(1);
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, StreamAudit.Of(events).State);
    }
}
