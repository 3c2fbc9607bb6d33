using System.Diagnostics;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;

namespace PasidLedger.Benchmarks.Store;

/// <summary>Forwards to the real transaction and reports its timing to <see cref="TimedPoolStore"/> on commit.</summary>
internal sealed class TimedPoolTransaction(IPoolTransaction inner, TimedPoolStore store, long locked) : IPoolTransaction
{
    public long StreamVersion => inner.StreamVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        inner.ReadAsync(afterVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        inner.FindResultsAsync(keys, ct);

    public async Task CommitAsync(PoolCommit commit, CancellationToken ct)
    {
        var committing = Stopwatch.GetTimestamp();
        await inner.CommitAsync(commit, ct);
        store.Committed(locked, committing, Stopwatch.GetTimestamp(), commit.Events.Count);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
