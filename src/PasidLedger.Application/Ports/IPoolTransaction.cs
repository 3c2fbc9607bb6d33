using PasidLedger.Domain.Events;

namespace PasidLedger.Application.Ports;

/// <summary>
/// One group commit (ARCHITECTURE.md 2): read what the batch needs to be decided (the stream's
/// catch-up, stored idempotency results), then write its <see cref="PoolCommit"/> in one call,
/// all of it or nothing.
/// </summary>
public interface IPoolTransaction : IAsyncDisposable
{
    /// <summary>The stream's version as seen under the lock.</summary>
    long StreamVersion { get; }

    /// <summary>Events appended by another instance since <paramref name="afterVersion"/>.</summary>
    IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct);

    /// <summary>Stored results of earlier commands with these idempotency keys.</summary>
    Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    /// <summary>Writes the batch and commits: every part of <paramref name="commit"/> is kept, or none.</summary>
    Task CommitAsync(PoolCommit commit, CancellationToken ct);
}
