using Npgsql;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// <see cref="PostgresPoolStore.BeginAsync"/> takes the pool lock in a batch of its own; it must
/// be the same lock every other pool writer takes (<c>PostgresEventStore.AcquirePoolLockAsync</c>).
/// </summary>
public sealed class PoolStoreLockTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PoolStoreTransaction_HoldsThePoolLockOtherWritersTake_UntilItEnds()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        var store = new PostgresPoolStore(db.Schema.DataSource);
        var holder = await store.BeginAsync(pool, Ct);

        await using var other = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var otherTx = await other.BeginTransactionAsync(Ct);
        var waiting = db.Events.AcquirePoolLockAsync(other, otherTx, pool, Ct);
        await WaitUntilOneWaitsForThePoolLockAsync(pool);
        waiting.IsCompleted.ShouldBeFalse();

        await holder.DisposeAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var second = store.BeginAsync(pool, Ct);
        await WaitUntilOneWaitsForThePoolLockAsync(pool);
        second.IsCompleted.ShouldBeFalse("the pool store must wait for the other writer's lock too");
        await otherTx.RollbackAsync(Ct);
        await (await second.WaitAsync(TimeSpan.FromSeconds(30), Ct)).DisposeAsync();
    }

    /// <summary>
    /// Polls pg_locks until a backend waits for this pool's advisory lock, so the test does not guess
    /// a delay. A bigint advisory key shows as classid (high 32 bits) and objid (low 32 bits).
    /// </summary>
    private async Task WaitUntilOneWaitsForThePoolLockAsync(string pool)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            """
            with k as (select hashtextextended(@pool, 0) as key)
            select count(*) from pg_locks, k
            where locktype = 'advisory' and not granted and objsubid = 1
              and classid = ((k.key >> 32) & 4294967295)::oid and objid = (k.key & 4294967295)::oid
            """, conn);
        cmd.Parameters.AddWithValue("pool", pool);
        await Poll.UntilAsync(async () => (long)(await cmd.ExecuteScalarAsync(Ct))! > 0, "no writer ever waited for the pool lock", Ct);
    }
}
