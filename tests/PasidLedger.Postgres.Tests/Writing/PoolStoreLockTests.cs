using Npgsql;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// <see cref="PostgresPoolStore.BeginAsync"/> holds the pool's stream row (<c>mt_streams … for update</c>),
/// the row Marten's append and a rebuild take too: a locked writer and any other writer of the pool
/// wait for each other, and writers of other pools do not.
/// </summary>
public sealed class PoolStoreLockTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PoolStoreTransaction_WaitsForAnotherHolderOfTheStreamRow_AndIsWaitedFor()
    {
        var pool = await StartedPoolAsync();
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        await using (var other = await db.Schema.DataSource.OpenConnectionAsync(Ct))
        await using (var otherTx = await other.BeginTransactionAsync(Ct))
        {
            await LockStreamRowAsync(other, otherTx, pool);
            var waiting = store.BeginAsync(pool, Ct);
            await WaitUntilBlockedByAsync(other.ProcessID);
            waiting.IsCompleted.ShouldBeFalse("the pool store must wait for the other holder of the stream row");
            await otherTx.RollbackAsync(Ct);
            await using var holder = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            holder.StreamVersion.ShouldBe(1);

            await using var third = await db.Schema.DataSource.OpenConnectionAsync(Ct);
            await using var thirdTx = await third.BeginTransactionAsync(Ct);
            var blocked = LockStreamRowAsync(third, thirdTx, pool);
            await WaitUntilBlockedAsync(third.ProcessID);
            blocked.IsCompleted.ShouldBeFalse("another writer must wait for the pool store's transaction");
            await holder.DisposeAsync();
            await blocked.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    [Fact]
    public async Task WritersOfDifferentPools_DoNotWaitForEachOther()
    {
        var (first, second) = (await StartedPoolAsync(), await StartedPoolAsync());
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        await using var holder = await store.BeginAsync(first, Ct);

        await using var other = await store.BeginAsync(second, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        other.StreamVersion.ShouldBe(1);
    }

    /// <summary>A pool whose stream exists (at version 1): a stream row to lock.</summary>
    private async Task<string> StartedPoolAsync()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await PoolCommits.CommitAsync(db.Schema.DataSource, pool, PoolCommits.Installing(0, 1));
        return pool;
    }

    private static async Task LockStreamRowAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool)
    {
        await using var command = new NpgsqlCommand("select version from mt_streams where id = @id for update", conn, tx);
        command.Parameters.AddWithValue("id", PoolStreams.StreamId(pool));
        await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>Polls until some backend waits for <paramref name="holderPid"/>, so the test does not guess a delay.</summary>
    private Task WaitUntilBlockedByAsync(int holderPid) => PollAsync(
        "select count(*) from pg_stat_activity where @pid = any(pg_blocking_pids(pid))", holderPid, "no writer ever waited for the stream row");

    /// <summary>Polls until backend <paramref name="pid"/> waits for a lock.</summary>
    private Task WaitUntilBlockedAsync(int pid) => PollAsync(
        "select count(*) from pg_stat_activity where pid = @pid and cardinality(pg_blocking_pids(pid)) > 0", pid, "the writer never waited for the stream row");

    private async Task PollAsync(string sql, int pid, string because)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand(sql, conn);
        command.Parameters.AddWithValue("pid", pid);
        await Poll.UntilAsync(async () => (long)(await command.ExecuteScalarAsync(Ct))! > 0, because, Ct);
    }
}
