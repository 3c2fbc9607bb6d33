using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Benchmarks.Writing;

/// <summary>
/// The optimistic transaction without a connection: it builds every batch command of a group
/// commit that go beside the append, guard included, and sends nothing (no Marten session). No stored idempotency keys, nothing to catch up.
/// </summary>
internal sealed class UnsentPoolTransaction(string pool, long streamVersion) : IPoolTransaction
{
    private static readonly IReadOnlyDictionary<string, string> NoResults = new Dictionary<string, string>();

    public long StreamVersion { get; } = streamVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        AsyncEnumerable.Empty<(long, PoolEvent)>();

    public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        Task.FromResult(NoResults);

    public Task CommitAsync(PoolCommit commit, CancellationToken ct)
    {
        DeferredWrites.Of(pool, commit).GuardWhenNoEvents();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
