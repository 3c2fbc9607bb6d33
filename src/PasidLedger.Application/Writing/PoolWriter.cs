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
/// </summary>
public sealed class PoolWriter : IAsyncDisposable
{
    private readonly Channel<PendingCommand> queue = Channel.CreateUnbounded<PendingCommand>(new() { SingleReader = true });
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
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < options.MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var results = await CommitAsync(batch).ConfigureAwait(false);
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

    private async Task<CommandResult[]> CommitAsync(List<PendingCommand> batch)
    {
        var ct = CancellationToken.None; // A started batch runs to commit or failure; callers may stop waiting.
        state ??= await LoadAsync(ct).ConfigureAwait(false);
        var tx = await store.BeginAsync(PoolName, ct).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            await foreach (var (_, @event) in tx.ReadAsync(state.Version, ct).ConfigureAwait(false))
            {
                Pool.Evolve(state, @event);
            }

            var group = new GroupCommit(PoolName, state, clock, new ReadModelProjector());
            await group.DecideAsync(tx, batch, ct).ConfigureAwait(false);
            await group.WriteAsync(tx, options.SnapshotEvery, ct).ConfigureAwait(false);
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
