using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Forwards everything to the real transaction; the commit goes through the recording store.</summary>
internal sealed class RecordingPoolTransaction(IPoolTransaction inner, RecordingPoolStore store) : IPoolTransaction
{
    public long StreamVersion => inner.StreamVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        inner.ReadAsync(afterVersion, ct);

    public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        inner.FindResultsAsync(keys, ct);

    public Task CommitAsync(PoolCommit commit, CancellationToken ct) => store.CommitAsync(inner, Poisoned(commit), ct);

    // A batch attaching the poison also writes a result that is not JSON: PostgreSQL refuses the batch (22P02).
    private PoolCommit Poisoned(PoolCommit commit) =>
        store.PoisonPrivate is { } poison && commit.Events.Any(e => e.Event is PrivateAttached attached && attached.Data == poison)
            ? commit with { Results = [.. commit.Results, ("poisoned", "not json")] }
            : commit;

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
