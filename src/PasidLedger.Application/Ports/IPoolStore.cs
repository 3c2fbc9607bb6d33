using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Ports;

/// <summary>The event store as the pool writer needs it.</summary>
public interface IPoolStore
{
    /// <summary>The latest snapshot of a pool, if any.</summary>
    Task<PoolSnapshot?> LoadSnapshotAsync(string pool, CancellationToken ct);

    /// <summary>Events of a pool after a version, in order.</summary>
    IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(string pool, long afterVersion, CancellationToken ct);

    /// <summary>Opens a transaction holding the pool's advisory lock.</summary>
    Task<IPoolTransaction> BeginAsync(string pool, CancellationToken ct);

    /// <summary>
    /// Opens an optimistic transaction for a batch decided against cached state at
    /// <paramref name="expectedVersion"/>: it sends nothing until <see cref="IPoolTransaction.CommitAsync"/>
    /// (idempotency lookups aside), which takes the pool lock, checks the stream is still at that
    /// version and writes everything, in one round trip. If another instance wrote meanwhile the
    /// commit keeps nothing and throws <see cref="StreamMovedException"/>. Its
    /// <see cref="IPoolTransaction.ReadAsync"/> has nothing to catch up: the check is the catch-up.
    /// </summary>
    IPoolTransaction BeginOptimistic(string pool, long expectedVersion);
}
