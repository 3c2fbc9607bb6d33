using PasidLedger.Application.Ports;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// Wraps the real store to count what the writer does (loads, stream reads, commits) and to
/// make one commit fail or pause on demand, as a dropped connection or a slow fsync would.
/// </summary>
internal sealed class RecordingPoolStore(IPoolStore inner) : IPoolStore
{
    private int commits;
    private int loads;
    private int conflicts;
    private int failNext;
    private Pause? pauseNext;

    /// <summary>Transactions that committed.</summary>
    public int Commits => Volatile.Read(ref commits);

    /// <summary>Optimistic commits that found the stream moved by another instance and kept nothing.</summary>
    public int Conflicts => Volatile.Read(ref conflicts);

    /// <summary>How often a writer (re)loaded the pool from snapshot and stream.</summary>
    public int Loads => Volatile.Read(ref loads);

    /// <summary>The <c>afterVersion</c> of every stream read outside a transaction (a load's tail).</summary>
    public List<long> TailReadsAfter { get; } = [];

    /// <summary>
    /// A batch that attaches this private data also writes an idempotency result that is not JSON, so
    /// PostgreSQL itself refuses the whole batch (22P02), as it refuses any value it cannot store.
    /// </summary>
    public string? PoisonPrivate { get; set; }

    /// <summary>The next commit throws <see cref="InjectedCommitFailureException"/> instead of committing.</summary>
    public void FailNextCommit() => Interlocked.Exchange(ref failNext, 1);

    /// <summary>
    /// Starts <paramref name="held"/>, whose commit then waits; once it waits, runs
    /// <paramref name="meanwhile"/> (commands submitted there queue behind the held commit), and
    /// lets the commit go on, also when a step failed: a writer left waiting would hang its disposal.
    /// </summary>
    public async Task<(Task<CommandResult> Held, T Meanwhile)> WhileNextCommitWaitsAsync<T>(
        Func<Task<CommandResult>> held, Func<Task<T>> meanwhile, CancellationToken ct)
    {
        var pause = new Pause(new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref pauseNext, pause);
        try
        {
            var holding = held();
            await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return (holding, await meanwhile());
        }
        finally
        {
            pause.Release.TrySetResult();
        }
    }

    public Task<PoolSnapshot?> LoadSnapshotAsync(string pool, CancellationToken ct)
    {
        Interlocked.Increment(ref loads);
        return inner.LoadSnapshotAsync(pool, ct);
    }

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(string pool, long afterVersion, CancellationToken ct)
    {
        lock (TailReadsAfter)
        {
            TailReadsAfter.Add(afterVersion);
        }

        return inner.ReadAsync(pool, afterVersion, ct);
    }

    public async Task<IPoolTransaction> BeginAsync(string pool, CancellationToken ct) =>
        new RecordingPoolTransaction(await inner.BeginAsync(pool, ct), this);

    public IPoolTransaction BeginOptimistic(string pool, long expectedVersion) =>
        new RecordingPoolTransaction(inner.BeginOptimistic(pool, expectedVersion), this);

    internal async Task CommitAsync(IPoolTransaction tx, PoolCommit commit, CancellationToken ct)
    {
        var fail = Interlocked.Exchange(ref failNext, 0) == 1;
        if (Interlocked.Exchange(ref pauseNext, null) is { } pause)
        {
            pause.Reached.TrySetResult();
            await pause.Release.Task;
        }

        if (fail)
        {
            throw new InjectedCommitFailureException();
        }

        try
        {
            await tx.CommitAsync(commit, ct);
        }
        catch (StreamMovedException)
        {
            Interlocked.Increment(ref conflicts);
            throw;
        }

        Interlocked.Increment(ref commits);
    }

    private sealed record Pause(TaskCompletionSource Reached, TaskCompletionSource Release);
}
