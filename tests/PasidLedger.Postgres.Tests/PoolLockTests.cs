using Npgsql;

namespace PasidLedger.Postgres.Tests;

/// <summary>The pool lock admits one writer per pool at a time and leaves other pools alone.</summary>
public sealed class PoolLockTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondWriterOfAPool_WaitsForTheFirstToCommit()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var first = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var firstTx = await first.BeginTransactionAsync(Ct);
        await db.Events.AcquirePoolLockAsync(first, firstTx, pool, Ct);

        await using var second = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var secondTx = await second.BeginTransactionAsync(Ct);
        var waiting = db.Events.AcquirePoolLockAsync(second, secondTx, pool, Ct);
        await WaitUntilBlockedOnAdvisoryLockAsync(second.ProcessID);
        waiting.IsCompleted.ShouldBeFalse();

        await firstTx.CommitAsync(Ct);

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    [Fact]
    public async Task WritersOfDifferentPools_DoNotWaitForEachOther()
    {
        await using var first = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var firstTx = await first.BeginTransactionAsync(Ct);
        await db.Events.AcquirePoolLockAsync(first, firstTx, $"host-{Guid.NewGuid():N}", Ct);

        await using var second = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var secondTx = await second.BeginTransactionAsync(Ct);

        await db.Events.AcquirePoolLockAsync(second, secondTx, $"host-{Guid.NewGuid():N}", Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    /// <summary>Polls pg_locks until the backend waits for an advisory lock, so the test does not guess a delay.</summary>
    private async Task WaitUntilBlockedOnAdvisoryLockAsync(int pid)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            "select count(*) from pg_locks where locktype = 'advisory' and not granted and pid = @pid", conn);
        cmd.Parameters.AddWithValue("pid", pid);
        await Poll.UntilAsync(async () => (long)(await cmd.ExecuteScalarAsync(Ct))! > 0, "the second writer never waited for the pool lock", Ct);
    }
}
