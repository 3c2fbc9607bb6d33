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

    /// <summary>
    /// Loads the pool; if that fails, first ends <paramref name="begun"/>, a transaction that holds or
    /// awaits the pool lock and that no one else would end: left open, it would block the pool for good.
    /// </summary>
    public static async Task<PoolState> LoadOrEndAsync(IPoolStore store, string pool, Task<IPoolTransaction>? begun)
    {
        try
        {
            return await LoadAsync(store, pool, CancellationToken.None).ConfigureAwait(false);
        }
        catch when (begun is not null)
        {
            await EndAsync(begun).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task EndAsync(Task<IPoolTransaction> begun)
    {
#pragma warning disable CA1031 // A transaction that failed to begin holds nothing; the load's failure is the one reported.
        try
        {
            await (await begun.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }
}
