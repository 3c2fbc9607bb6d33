using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// A batch whose commit fails fails all its callers and leaves nothing behind; the writer throws
/// its cached state away, so the next command is decided on what is really stored (ARCHITECTURE.md 2).
/// </summary>
public sealed class FailedCommitTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int Batch = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FailedCommit_FailsTheWholeBatch_PersistsNothing_AndTheNextCommandSeesTheStoredState()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 16);
        var alloc = new AllocateIoasid(sets[0], 1, 63, null);
        var first = Replies.Granted(await instance.SubmitAsync(pool, alloc)).ShouldNotBeNull();

        // Hold the writer in the commit of a command, queue a batch behind it, and fail that batch's commit.
        var keys = Enumerable.Range(0, Batch).Select(i => $"failed-{i}").ToArray();
        var (holding, doomed) = await instance.Store.WhileNextCommitWaitsAsync(
            () => instance.SubmitAsync(pool, new AcquireRef(first.Id, "vfio", sets[0], first.Generation)),
            () =>
            {
                instance.Store.FailNextCommit();
                // The batch also refuses one command: its rejection record must go down with the batch.
                Task<CommandResult>[] queued = [.. keys.Select(key => instance.SubmitAsync(pool, alloc, key)),
                    instance.SubmitAsync(pool, new AcquireRef(first.Id + 40, "vfio", sets[0]))];
                return Task.FromResult(queued);
            },
            Ct);

        var held = await holding;
        held.Failed.ShouldBeFalse();
        var stored = held.Version;
        foreach (var caller in doomed)
        {
            await Should.ThrowAsync<InjectedCommitFailureException>(caller);
        }

        (await LedgerStream.VersionAsync(db.Schema.DataSource, pool)).ShouldBe(stored);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, pool, keys)).ShouldBe(0);
        (await new HistoryQueries(db.Schema.DataSource).RejectionsAsync(pool, 10, Ct)).ShouldBeEmpty();
        var loadsBefore = instance.Store.Loads;

        var retried = await instance.SubmitAsync(pool, alloc, keys[0]);

        instance.Store.Loads.ShouldBe(loadsBefore + 1, "the failed batch's cached state must be discarded and reloaded");
        retried.Replayed.ShouldBeFalse("the failed attempt stored no result under its key");
        var next = Replies.Granted(retried).ShouldNotBeNull();
        next.Id.ShouldBe(first.Id + 1, "the number the failed batch decided on was never handed out");
        next.Generation.ShouldBe(1);
        retried.Version.ShouldBe(stored + 2);
        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        events.Count(e => e.Event is IoasidAllocated).ShouldBe(2);
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, StreamAudit.Of(events).State);
    }
}
