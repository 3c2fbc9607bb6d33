using PasidLedger.Application.Ports;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// Every pool writer takes the pool's advisory lock first: <see cref="PostgresPoolStore.BeginAsync"/>
/// for all of its transaction, an optimistic commit for its batch. A locked writer and an optimistic
/// commit of another instance wait for each other, and writers of other pools do not.
/// </summary>
public sealed class PoolStoreLockTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PoolStoreTransaction_HoldsThePoolLockOtherWritersTake_UntilItEnds()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        var holder = await store.BeginAsync(pool, Ct);

        await using var other = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var otherTx = await other.BeginTransactionAsync(Ct);
        var waiting = PoolLock.TakeAsync(other, otherTx, pool);
        await PoolLock.WaitUntilAWriterWaitsAsync(db.Schema.DataSource, pool);
        waiting.IsCompleted.ShouldBeFalse();

        await holder.DisposeAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var second = store.BeginAsync(pool, Ct);
        await PoolLock.WaitUntilAWriterWaitsAsync(db.Schema.DataSource, pool);
        second.IsCompleted.ShouldBeFalse("the pool store must wait for the other writer's lock too");
        await otherTx.RollbackAsync(Ct);
        await (await second.WaitAsync(TimeSpan.FromSeconds(30), Ct)).DisposeAsync();
    }

    [Fact]
    public async Task OptimisticCommit_WaitsForALockedWriter_ThenFindsTheStreamMoved()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await PoolCommits.CommitAsync(db.Schema.DataSource, pool, PoolCommits.Installing(0, 1));
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        var locked = await store.BeginAsync(pool, Ct);

        var optimistic = PoolCommits.CommitAsync(db.Schema.DataSource, pool, PoolCommits.Installing(1, 1));
        await PoolLock.WaitUntilAWriterWaitsAsync(db.Schema.DataSource, pool);
        optimistic.IsCompleted.ShouldBeFalse("an optimistic commit must wait for the locked writer");
        await locked.CommitAsync(PoolCommits.Installing(1, 2), Ct);
        await locked.DisposeAsync();

        await Should.ThrowAsync<StreamMovedException>(() => optimistic.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        (await LedgerStream.VersionAsync(db.Schema.DataSource, pool)).ShouldBe(3);
    }

    [Fact]
    public async Task WritersOfDifferentPools_DoNotWaitForEachOther()
    {
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        await using var holder = await store.BeginAsync($"host-{Guid.NewGuid():N}", Ct);

        await using var other = await store.BeginAsync($"host-{Guid.NewGuid():N}", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        other.StreamVersion.ShouldBe(0);
    }
}
