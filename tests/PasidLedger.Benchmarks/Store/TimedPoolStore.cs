using System.Diagnostics;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// Profiles the writer's use of the store: how many transactions, how many events each appended,
/// and where the time of a transaction goes (taking the lock, the work in between, the commit), with
/// the longest work and commit of a phase: a stall of the whole write path shows in one or neither.
/// </summary>
internal sealed class TimedPoolStore(IPoolStore inner) : IPoolStore
{
    private long transactions;
    private long events;
    private long beginTicks;
    private long workTicks;
    private long commitTicks;
    private long longestWorkTicks;
    private long longestCommitTicks;

    public TransactionProfile Take()
    {
        var profile = new TransactionProfile(Interlocked.Exchange(ref transactions, 0), Interlocked.Exchange(ref events, 0),
            Milliseconds(Interlocked.Exchange(ref beginTicks, 0)), Milliseconds(Interlocked.Exchange(ref workTicks, 0)),
            Milliseconds(Interlocked.Exchange(ref commitTicks, 0)), Milliseconds(Interlocked.Exchange(ref longestWorkTicks, 0)),
            Milliseconds(Interlocked.Exchange(ref longestCommitTicks, 0)));
        return profile;
    }

    public Task<PoolSnapshot?> LoadSnapshotAsync(string pool, CancellationToken ct) => inner.LoadSnapshotAsync(pool, ct);

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(string pool, long afterVersion, CancellationToken ct) =>
        inner.ReadAsync(pool, afterVersion, ct);

    public async Task<IPoolTransaction> BeginAsync(string pool, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var tx = await inner.BeginAsync(pool, ct);
        var locked = Stopwatch.GetTimestamp();
        Interlocked.Add(ref beginTicks, locked - started);
        return new TimedPoolTransaction(tx, this, locked);
    }

    public IPoolTransaction BeginOptimistic(string pool, long expectedVersion) =>
        new TimedPoolTransaction(inner.BeginOptimistic(pool, expectedVersion), this, Stopwatch.GetTimestamp());

    internal void Committed(long locked, long committing, long committed, int appended)
    {
        Interlocked.Increment(ref transactions);
        Interlocked.Add(ref events, appended);
        Interlocked.Add(ref workTicks, committing - locked);
        Interlocked.Add(ref commitTicks, committed - committing);
        Longest(ref longestWorkTicks, committing - locked);
        Longest(ref longestCommitTicks, committed - committing);
    }

    private static void Longest(ref long longest, long ticks)
    {
        for (var seen = Volatile.Read(ref longest); ticks > seen; seen = Volatile.Read(ref longest))
        {
            if (Interlocked.CompareExchange(ref longest, ticks, seen) == seen)
            {
                return;
            }
        }
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
