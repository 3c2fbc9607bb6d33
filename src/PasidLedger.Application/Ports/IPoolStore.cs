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
}
