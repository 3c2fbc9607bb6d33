using PasidLedger.Application.Ports;
using PasidLedger.Domain;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>Builds a pool's state from its latest snapshot and the stream's tail after it.</summary>
internal static class PoolLoader
{
    public static async Task<PoolState> LoadAsync(IPoolStore store, string pool, CancellationToken ct)
    {
        var snapshot = await store.LoadSnapshotAsync(pool, ct).ConfigureAwait(false);
        var loaded = snapshot is null ? new PoolState() : PoolSnapshots.Restore(snapshot);
        await foreach (var (_, @event) in store.ReadAsync(pool, loaded.Version, ct).ConfigureAwait(false))
        {
            Pool.Evolve(loaded, @event);
        }

        return loaded;
    }
}
