using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Ports;

/// <summary>
/// One group commit (ARCHITECTURE.md 2): under <c>pg_advisory_xact_lock(pool)</c>, append the
/// events with the expected version, update the inline read models, store idempotency keys and
/// rejections, and commit — or nothing at all.
/// </summary>
public interface IPoolTransaction : IAsyncDisposable
{
    /// <summary>The stream's version as seen under the lock.</summary>
    long StreamVersion { get; }

    /// <summary>Events appended by another instance since <paramref name="afterVersion"/>.</summary>
    IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct);

    /// <summary>Stored results of earlier commands with these idempotency keys.</summary>
    Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    Task AppendAsync(long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken ct);

    Task ApplyAsync(ReadModelChanges changes, CancellationToken ct);

    Task SaveResultsAsync(IReadOnlyList<(string Key, string ResultJson)> results, CancellationToken ct);

    Task RecordRejectionsAsync(IReadOnlyList<RejectionRecord> rejections, CancellationToken ct);

    Task SaveSnapshotAsync(PoolSnapshot snapshot, CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}
