using PasidLedger.Application.Ports;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// PostgreSQL refusing a value of a group commit (a data exception) fails only the command whose
/// writes hold it: the writer commits the refused batch's commands one by one.
/// </summary>
public sealed class RefusedBatchTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADataExceptionInACommit_IsStoreRefusedWrite_AndKeepsNothing_OnBothPaths()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using (var instance = WriterInstance.Start(server, db.Schema))
        {
            await instance.CreatePoolAsync(pool, 64, 4);
        }

        var store = new PostgresPoolStore(db.Schema.DataSource);
        var version = await LedgerStream.VersionAsync(db.Schema.DataSource, pool);
        var notJson = new PoolCommit(version, [], null, [("k", "not json")], [], null);
        await using (var optimistic = store.BeginOptimistic(pool, version))
        {
            await Should.ThrowAsync<StoreRefusedWriteException>(() => optimistic.CommitAsync(notJson, Ct));
        }

        await using (var locked = await store.BeginAsync(pool, Ct))
        {
            await Should.ThrowAsync<StoreRefusedWriteException>(() => locked.CommitAsync(notJson, Ct));
        }

        (await LedgerStream.VersionAsync(db.Schema.DataSource, pool)).ShouldBe(version);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, pool, "k")).ShouldBe(0);
    }

    [Fact]
    public async Task ARefusedBatch_FailsOnlyTheCommandWhoseWritesWereRefused_TheOthersCommit()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 16);
        var ids = new List<uint>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(Replies.Granted(await instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 63, null))).ShouldNotBeNull().Id);
        }

        instance.Store.PoisonPrivate = "poison";
        // Hold the writer in one commit so the next four commands queue up and share a batch.
        var (holding, batch) = await instance.Store.WhileNextCommitWaitsAsync(
            () => instance.SubmitAsync(pool, new AcquireRef(ids[0], "vfio", sets[0])),
            () => Task.FromResult<Task<CommandResult>[]>(
                [.. ids.Select((id, i) => instance.SubmitAsync(pool, new AttachPrivate(id, i == 2 ? "poison" : $"data-{i}"), $"key-{i}"))]),
            Ct);

        (await holding).Failed.ShouldBeFalse();
        await Should.ThrowAsync<StoreRefusedWriteException>(batch[2]);
        foreach (var i in new[] { 0, 1, 3 })
        {
            (await batch[i]).Failed.ShouldBeFalse($"command {i} shared the refused batch but is not refused itself");
        }

        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        events.Select(e => e.Event).OfType<PrivateAttached>().Select(e => e.Data).ShouldBe(["data-0", "data-1", "data-3"], ignoreOrder: true);
        (await LedgerStream.IdempotencyKeysAsync(db.Schema.DataSource, pool, "key-0", "key-1", "key-2", "key-3", "poisoned")).ShouldBe(3);
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, StreamAudit.Of(events).State);
    }
}
