using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Forwards everything to the real transaction; the commit goes through the recording store.</summary>
internal sealed class RecordingPoolTransaction(IPoolTransaction inner, RecordingPoolStore store) : IPoolTransaction
{
    public long StreamVersion => inner.StreamVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        inner.ReadAsync(afterVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        inner.FindResultsAsync(keys, ct);

    public async Task AppendAsync(long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        await inner.AppendAsync(expectedVersion, events, ct);
        if (store.PoisonPrivate is { } poison && events.Any(e => e.Event is PrivateAttached attached && attached.Data == poison))
        {
            await inner.SaveResultsAsync([("poisoned", "not json")], ct); // PostgreSQL refuses the batch: 22P02
        }
    }

    public Task ApplyAsync(ReadModelChanges changes, CancellationToken ct) => inner.ApplyAsync(changes, ct);

    public Task SaveResultsAsync(IReadOnlyList<(string Key, string ResultJson)> results, CancellationToken ct) =>
        inner.SaveResultsAsync(results, ct);

    public Task RecordRejectionsAsync(IReadOnlyList<RejectionRecord> rejections, CancellationToken ct) =>
        inner.RecordRejectionsAsync(rejections, ct);

    public Task SaveSnapshotAsync(PoolSnapshot snapshot, CancellationToken ct) => inner.SaveSnapshotAsync(snapshot, ct);

    public Task CommitAsync(CancellationToken ct) => store.CommitAsync(inner, ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
