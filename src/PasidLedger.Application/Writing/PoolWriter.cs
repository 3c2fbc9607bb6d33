using System.Threading.Channels;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>
/// The single writer of one pool (ARCHITECTURE.md 2): commands queue in-process, one loop takes
/// as many as are waiting and decides, appends and projects them in one transaction (group
/// commit). The cached state is discarded whenever a batch fails, so it never runs ahead of the
/// stream; another instance's appends are folded in under the advisory lock before deciding.
/// </summary>
/// <remarks>
/// Its <see cref="WriterMode"/> says how the next batch commits: optimistic, or, for a few batches
/// after another instance moved the stream, locked. A batch whose data the store refused is
/// committed again one command at a time (<see cref="CommitEachAloneAsync"/>).
/// </remarks>
public sealed class PoolWriter : IAsyncDisposable
{
    // Not SingleReader: that channel cannot count, and the loop asks how many commands wait.
    private readonly Channel<PendingCommand> queue = Channel.CreateUnbounded<PendingCommand>();
    private readonly IPoolStore store;
    private readonly WriterOptions options;
    private readonly TimeProvider clock;
    private readonly Action<PoolWriter>? retired;
    private readonly Task loop;
    private PoolState? state;
    private WriterMode mode = WriterMode.Optimistic.Instance;

    /// <param name="pool">The pool this writer owns.</param>
    /// <param name="store">Where its stream lives.</param>
    /// <param name="options">Batch sizes and snapshots.</param>
    /// <param name="clock">Time of the events.</param>
    /// <param name="retired">
    /// Called when the writer, idle, found its pool does not exist (commands naming an unknown
    /// pool): it takes no more commands (<see cref="TrySubmit"/> returns null), finishes those it
    /// took, and stops, so names that never become pools do not keep writers alive.
    /// </param>
    public PoolWriter(string pool, IPoolStore store, WriterOptions options, TimeProvider clock, Action<PoolWriter>? retired = null)
    {
        PoolName = pool;
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.retired = retired;
        loop = Task.Run(RunAsync);
    }

    public string PoolName { get; }

    /// <summary>Queues a command; completes when its batch committed.</summary>
    public Task<CommandResult> SubmitAsync(CommandEnvelope envelope, CancellationToken ct = default) =>
        TrySubmit(envelope, ct) ?? throw new ObjectDisposedException(nameof(PoolWriter), $"The writer of pool {PoolName} has stopped.");

    /// <summary>Queues a command, or returns null when this writer stopped or retired.</summary>
    public Task<CommandResult>? TrySubmit(CommandEnvelope envelope, CancellationToken ct = default)
    {
        var pending = new PendingCommand(envelope);
        return queue.Writer.TryWrite(pending) ? pending.Completion.Task.WaitAsync(ct) : null;
    }

    /// <summary>Completes when the writer's loop has ended: after disposal, or after it retired and answered its last command.</summary>
    public Task Stopped => loop;

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCommand>(options.MaxBatch);
        while (mode.Next is not null || await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(batch);
            try
            {
                await CommitAsync(batch, Batching.Group).ConfigureAwait(false);
            }
            catch (StoreRefusedWriteException) when (batch.Count > 1)
            {
                state = null; // the refused batch was folded into it
                await CommitEachAloneAsync(batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any failure of a batch fails its callers and must not stop the writer.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                state = null;
                batch.ForEach(pending => pending.Completion.TrySetException(failure));
            }

            batch.Clear();
            RetireIfPoolUnknown();
            // Let the callers just answered run first: most submit their next command at once, and
            // then it joins the next batch instead of waiting a whole commit for the one after.
            await Task.Yield();
        }
    }

    /// <summary>Decides and commits one batch in the writer's <see cref="mode"/>, moves the mode on, and answers the batch's callers.</summary>
    private async Task CommitAsync(List<PendingCommand> batch, Batching batching)
    {
        var begun = mode.Next;
        mode = mode is WriterMode.Locked locked ? locked with { Opened = null } : mode; // taken by this batch
        state ??= await LoadOrEndAsync(begun).ConfigureAwait(false); // before the lock, when it can
        var results = mode is WriterMode.Optimistic
            ? await BatchCommits.TryOptimisticAsync(store, PoolName, state, clock, batch, options.SnapshotEvery).ConfigureAwait(false)
            : null;
        if (results is null)
        {
            if (mode is WriterMode.Optimistic)
            {
                state = await LoadAsync().ConfigureAwait(false); // the stream moved: the batch folded into state was discarded
                mode = WriterMode.Locked.AfterConflict;
            }

            results = await CommitLockedAsync(batch, batching, begun).ConfigureAwait(false);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    /// <summary>
    /// One batch of the locked mode, in <paramref name="begun"/> or a transaction of its own; the mode
    /// counts it, and goes back to optimistic after the last locked batch.
    /// </summary>
    private Task<CommandResult[]> CommitLockedAsync(List<PendingCommand> batch, Batching batching, Task<IPoolTransaction>? begun)
    {
        var left = mode is WriterMode.Locked locked ? locked.BatchesLeft - 1 : 0;
        mode = left > 0 ? new WriterMode.Locked(left, null) : WriterMode.Optimistic.Instance;
        Action<List<PendingCommand>> join = batching == Batching.Group ? Drain : static _ => { };
        Func<bool>? moreWaiting = batching == Batching.Group && left > 0 ? () => queue.Reader.Count > 0 : null;
        return BatchCommits.CommitLockedAsync(store, PoolName, state!, clock, batch, options.SnapshotEvery,
            begun ?? store.BeginAsync(PoolName, CancellationToken.None), join, moreWaiting,
            opened => mode = new WriterMode.Locked(left, opened));
    }

    /// <summary>
    /// After the store refused a batch's data, commits its commands one at a time, so only a command
    /// whose own writes the store refuses fails, not the ones that shared its batch.
    /// </summary>
    private async Task CommitEachAloneAsync(List<PendingCommand> batch)
    {
        foreach (var pending in batch)
        {
            // A transaction the refused batch opened for its successor holds the pool lock: the first one uses it.
            try
            {
                await CommitAsync([pending], Batching.Alone).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A command's failure fails its caller only.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                state = null;
                pending.Completion.TrySetException(failure);
            }
        }
    }

    private void RetireIfPoolUnknown()
    {
        if (retired is not null && state is { IsCreated: false } && mode.Next is null && queue.Reader.Count == 0 && queue.Writer.TryComplete())
        {
            retired(this); // commands queued before the completion are still read and answered
        }
    }

    private void Drain(List<PendingCommand> batch)
    {
        while (batch.Count < options.MaxBatch && queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private Task<PoolState> LoadAsync() => PoolLoader.LoadAsync(store, PoolName, CancellationToken.None);

    private Task<PoolState> LoadOrEndAsync(Task<IPoolTransaction>? begun) => PoolLoader.LoadOrEndAsync(store, PoolName, begun);
}
