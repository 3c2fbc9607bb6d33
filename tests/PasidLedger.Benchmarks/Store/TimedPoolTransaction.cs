using System.Diagnostics;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Store;

/// <summary>Forwards to the real transaction and reports its timing to <see cref="TimedPoolStore"/> on commit.</summary>
internal sealed class TimedPoolTransaction(IPoolTransaction inner, TimedPoolStore store, long locked) : IPoolTransaction
{
    private int appended;

    public long StreamVersion => inner.StreamVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        inner.ReadAsync(afterVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        inner.FindResultsAsync(keys, ct);

    public Task AppendAsync(long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        appended += events.Count;
        return inner.AppendAsync(expectedVersion, events, ct);
    }

    public Task ApplyAsync(ReadModelChanges changes, CancellationToken ct) => inner.ApplyAsync(changes, ct);

    public Task SaveResultsAsync(IReadOnlyList<(string Key, string ResultJson)> results, CancellationToken ct) =>
        inner.SaveResultsAsync(results, ct);

    public Task RecordRejectionsAsync(IReadOnlyList<RejectionRecord> rejections, CancellationToken ct) =>
        inner.RecordRejectionsAsync(rejections, ct);

    public Task SaveSnapshotAsync(PoolSnapshot snapshot, CancellationToken ct) => inner.SaveSnapshotAsync(snapshot, ct);

    public async Task CommitAsync(CancellationToken ct)
    {
        var committing = Stopwatch.GetTimestamp();
        await inner.CommitAsync(ct);
        store.Committed(locked, committing, Stopwatch.GetTimestamp(), appended);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
