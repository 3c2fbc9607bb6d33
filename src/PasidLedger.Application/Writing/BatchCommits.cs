using PasidLedger.Application.Ports;
using PasidLedger.Domain;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>The two ways <see cref="PoolWriter"/> commits a batch: optimistic, or holding the lock from the start.</summary>
internal static class BatchCommits
{
    /// <summary>
    /// Decides the batch against the cached state and commits it in one round trip. Null when
    /// another instance moved the stream: nothing was kept, and <paramref name="state"/> has the
    /// discarded batch folded in, so the caller must throw it away.
    /// </summary>
    public static async Task<CommandResult[]?> TryOptimisticAsync(IPoolStore store, string pool, PoolState state, TimeProvider clock,
        List<PendingCommand> batch, int snapshotEvery)
    {
        var ct = CancellationToken.None; // A started batch runs to commit or failure; callers may stop waiting.
        var tx = store.BeginOptimistic(pool, state.Version);
        await using (tx.ConfigureAwait(false))
        {
            try
            {
                return await GroupCommit.CommitAsync(pool, state, clock, tx, batch, snapshotEvery, ct).ConfigureAwait(false);
            }
            catch (StreamMovedException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Runs one batch in the transaction <paramref name="begun"/> opens, which holds the lock from
    /// the start, and catches up under it. Commands arriving while the lock is awaited join the
    /// batch (<paramref name="drain"/>). Before committing, when <paramref name="moreWaiting"/> says
    /// so, it opens the next batch's transaction (<paramref name="beginNext"/>): its lock request
    /// queues behind this commit and is granted the moment the commit ends.
    /// </summary>
    public static async Task<CommandResult[]> CommitLockedAsync(IPoolStore store, string pool, PoolState state, TimeProvider clock,
        List<PendingCommand> batch, int snapshotEvery, Task<IPoolTransaction> begun, Action<List<PendingCommand>> drain,
        Func<bool>? moreWaiting, Action<Task<IPoolTransaction>> beginNext)
    {
        var ct = CancellationToken.None;
        var tx = await begun.ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            drain(batch);
            await foreach (var (_, @event) in tx.ReadAsync(state.Version, ct).ConfigureAwait(false))
            {
                Pool.Evolve(state, @event);
            }

            var group = await GroupCommit.DecideAsync(pool, state, clock, tx, batch, ct).ConfigureAwait(false);
            if (moreWaiting?.Invoke() == true)
            {
                beginNext(store.BeginAsync(pool, ct));
            }

            await tx.CommitAsync(group.TakeCommit(snapshotEvery), ct).ConfigureAwait(false);
            return group.Results;
        }
    }
}
