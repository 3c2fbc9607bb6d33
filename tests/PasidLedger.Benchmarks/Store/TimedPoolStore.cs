using System.Diagnostics;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// Profiles the writer's use of the store: how many transactions, how many events each appended,
/// and where the time of a transaction goes (taking the lock, the work in between, the commit).
/// </summary>
internal sealed class TimedPoolStore(IPoolStore inner) : IPoolStore
{
    private long transactions;
    private long events;
    private long beginTicks;
    private long workTicks;
    private long commitTicks;

    public TransactionProfile Take()
    {
        var profile = new TransactionProfile(Interlocked.Exchange(ref transactions, 0), Interlocked.Exchange(ref events, 0),
            Milliseconds(Interlocked.Exchange(ref beginTicks, 0)), Milliseconds(Interlocked.Exchange(ref workTicks, 0)),
            Milliseconds(Interlocked.Exchange(ref commitTicks, 0)));
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
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
