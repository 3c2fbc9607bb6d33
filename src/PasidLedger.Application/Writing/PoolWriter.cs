using System.Threading.Channels;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>
/// The single writer of one pool (ARCHITECTURE.md 2): commands queue in-process, one loop takes
/// as many as are waiting and decides, appends and projects them in one transaction (group
/// commit). The cached state is discarded whenever a batch fails, so it never runs ahead of the
/// stream; another instance's appends are folded in under the advisory lock before deciding.
/// While a batch commits, the next batch's transaction is already waiting for the pool lock, so
/// the lock round trip is off the critical path (one pool commits one batch per WAL flush).
/// </summary>
public sealed class PoolWriter : IAsyncDisposable
{
    // Not SingleReader: that channel cannot count, and the loop asks how many commands wait.
    private readonly Channel<PendingCommand> queue = Channel.CreateUnbounded<PendingCommand>();
    private readonly IPoolStore store;
    private readonly WriterOptions options;
    private readonly TimeProvider clock;
    private readonly Task loop;
    private PoolState? state;

    public PoolWriter(string pool, IPoolStore store, WriterOptions options, TimeProvider clock)
    {
        PoolName = pool;
        this.store = store;
        this.options = options;
        this.clock = clock;
        loop = Task.Run(RunAsync);
    }

    public string PoolName { get; }

    /// <summary>Queues a command; completes when its batch committed.</summary>
    public Task<CommandResult> SubmitAsync(CommandEnvelope envelope, CancellationToken ct = default)
    {
        var pending = new PendingCommand(envelope);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PoolWriter), $"The writer of pool {PoolName} has stopped.");
        }

        return pending.Completion.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCommand>(options.MaxBatch);
        Task<IPoolTransaction>? next = null;
        while (next is not null || await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(batch);
            var begun = next;
            next = null;
            try
            {
                if (begun is null)
                {
                    state ??= await LoadAsync(CancellationToken.None).ConfigureAwait(false); // before the lock, when it can
                    begun = store.BeginAsync(PoolName, CancellationToken.None);
                }

                var results = await CommitAsync(begun, batch, started => next = started).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // Any failure of a batch fails its callers and must not stop the writer.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                state = null;
                batch.ForEach(pending => pending.Completion.TrySetException(failure));
            }

            batch.Clear();
        }
    }

    private void Drain(List<PendingCommand> batch)
    {
        while (batch.Count < options.MaxBatch && queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    /// <summary>
    /// Runs one batch in the transaction <paramref name="begun"/> opens. Before committing, when
    /// more commands wait, it opens the next batch's transaction: its lock request queues behind
    /// this commit and is granted the moment the commit ends, with no round trip in between.
    /// Commands arriving while the lock is awaited join this batch.
    /// </summary>
    private async Task<CommandResult[]> CommitAsync(Task<IPoolTransaction> begun, List<PendingCommand> batch, Action<Task<IPoolTransaction>> beginNext)
    {
        var ct = CancellationToken.None; // A started batch runs to commit or failure; callers may stop waiting.
        var tx = await begun.ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            state ??= await LoadAsync(ct).ConfigureAwait(false); // only after a failed batch whose successor was already begun
            Drain(batch);
            await foreach (var (_, @event) in tx.ReadAsync(state.Version, ct).ConfigureAwait(false))
            {
                Pool.Evolve(state, @event);
            }

            var group = new GroupCommit(PoolName, state, clock, new ReadModelProjector());
            await group.DecideAsync(tx, batch, ct).ConfigureAwait(false);
            await group.WriteAsync(tx, options.SnapshotEvery, ct).ConfigureAwait(false);
            if (queue.Reader.Count > 0)
            {
                beginNext(store.BeginAsync(PoolName, ct));
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
            return group.Results;
        }
    }

    private async Task<PoolState> LoadAsync(CancellationToken ct)
    {
        var snapshot = await store.LoadSnapshotAsync(PoolName, ct).ConfigureAwait(false);
        var loaded = snapshot is null ? new PoolState() : PoolSnapshots.Restore(snapshot);
        await foreach (var (_, @event) in store.ReadAsync(PoolName, loaded.Version, ct).ConfigureAwait(false))
        {
            Pool.Evolve(loaded, @event);
        }

        return loaded;
    }
}
