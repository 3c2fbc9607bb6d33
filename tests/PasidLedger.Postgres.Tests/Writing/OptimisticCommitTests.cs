using Npgsql;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// The writer's usual batch is optimistic: decided against its cached state, then lock, version
/// check and writes in one round trip. When another instance wrote meanwhile, the batch must keep
/// nothing, and the writer must catch up and redo it so that its callers see no difference.
/// </summary>
public sealed class OptimisticCommitTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StaleInstance_ConflictsOnTheVersion_KeepsNothing_AndRedoesTheBatchOnTheStoredState()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var a = WriterInstance.Start(server, db.Schema);
        await using var b = WriterInstance.Start(server, db.Schema);
        var sets = await a.CreatePoolAsync(pool, 64, 8);
        var alloc = new AllocateIoasid(sets[0], 1, 63, null);
        var fromB = Replies.Granted(await b.SubmitAsync(pool, alloc)).ShouldNotBeNull(); // B is loaded now
        var fromA = Replies.Granted(await a.SubmitAsync(pool, alloc)).ShouldNotBeNull(); // and behind

        // One stale batch of B: an allocation and a keyed command that is refused (a rejection row and a key).
        var (allocating, refusing) = await b.Store.WhileNextCommitWaitsAsync(
            () => b.SubmitAsync(pool, alloc),
            () => Task.FromResult(b.SubmitAsync(pool, new FreeIoasid(60, sets[0], 1), "refused-once")),
            Ct);

        var allocated = Replies.Granted(await allocating.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldNotBeNull();
        var refused = await refusing.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        b.Store.Conflicts.ShouldBeGreaterThanOrEqualTo(1);
        allocated.Id.ShouldBe(fromA.Id + 1, "B must decide again on A's allocation, not reuse its number");
        fromA.Id.ShouldBe(fromB.Id + 1);
        refused.Reason.ShouldNotBeNull("freeing a number nobody holds is refused (the kernel ignores it), and recorded");
        (await RejectionsAsync(db.Schema.DataSource, pool)).ShouldBe(1, "the discarded attempt must not leave its rejection row");
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, pool, "refused-once")).ShouldBe(1);
        (await b.SubmitAsync(pool, new FreeIoasid(60, sets[0], 1), "refused-once")).ShouldBe(refused with { Replayed = true });
        await ShouldBeContiguousAndFoldedAsync(pool);
    }

    [Fact]
    public async Task KeyStoredByAnotherInstanceAfterTheLookup_ConflictsOnTheKey_AndReplaysTheStoredResult()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var a = WriterInstance.Start(server, db.Schema);
        await using var b = WriterInstance.Start(server, db.Schema);
        var sets = await a.CreatePoolAsync(pool, 64, 8);
        var refuse = new FreeIoasid(61, sets[0], 1); // refused: appends nothing, so only the key can clash
        (await b.SubmitAsync(pool, refuse)).Reason.ShouldNotBeNull(); // B is loaded; both are current

        // A looked the key up (not found) and waits to commit; B stores the same key first.
        var (fromA, fromB) = await a.Store.WhileNextCommitWaitsAsync(
            () => a.SubmitAsync(pool, refuse, "same-key"),
            () => b.SubmitAsync(pool, refuse, "same-key").WaitAsync(TimeSpan.FromSeconds(30), Ct),
            Ct);

        var replayed = await fromA.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        a.Store.Conflicts.ShouldBe(1);
        fromB.Replayed.ShouldBeFalse();
        replayed.ShouldBe(fromB with { Replayed = true }, "the retry must return the first result");
        (await RejectionsAsync(db.Schema.DataSource, pool)).ShouldBe(2, "B's two refusals; A's discarded attempt left none");
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, pool, "same-key")).ShouldBe(1);
        await ShouldBeContiguousAndFoldedAsync(pool);
    }

    private async Task ShouldBeContiguousAndFoldedAsync(string pool)
    {
        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, StreamAudit.Of(events).State);
    }

    private static async Task<long> RejectionsAsync(NpgsqlDataSource dataSource, string pool)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from rejections where pool = @pool");
        cmd.Parameters.AddWithValue("pool", pool);
        return (long)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
