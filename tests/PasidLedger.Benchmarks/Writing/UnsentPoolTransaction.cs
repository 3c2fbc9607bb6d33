using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Benchmarks.Writing;

/// <summary>
/// The optimistic transaction without a connection: it builds every batch command of a group
/// commit, guard included, and sends nothing. No stored idempotency keys, nothing to catch up.
/// </summary>
internal sealed class UnsentPoolTransaction(string pool, long streamVersion) : DeferredPoolTransaction(pool)
{
    private static readonly IReadOnlyDictionary<string, string> NoResults = new Dictionary<string, string>();

    public override long StreamVersion { get; } = streamVersion;

    public override IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        AsyncEnumerable.Empty<(long, PoolEvent)>();

    public override Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        Task.FromResult(NoResults);

    public override Task CommitAsync(CancellationToken ct)
    {
        Writes.GuardWith(StreamVersion);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
