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
/// The usual batch is optimistic (<see cref="IPoolStore.BeginOptimistic"/>): decided against the
/// cached state, then lock, version check and every write go in one round trip. If another
/// instance moved the stream, nothing was kept: the writer reloads and redoes the batch under the
/// lock, and stays on that locked path for a few batches, where while a batch commits the next
/// batch's transaction already waits for the lock, so that wait is off the critical path.
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
    private int lockedBatches; // after another instance wrote: batches left on the locked path
    private Task<IPoolTransaction>? next; // opened for the next batch while a locked one commits; its lock request queues behind

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

    /// <summary>Batches that take the lock first after an optimistic batch found the stream moved.</summary>
    private const int LockedBatchesAfterConflict = 8;

    private async Task RunAsync()
    {
        var batch = new List<PendingCommand>(options.MaxBatch);
        while (next is not null || await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            Drain(batch);
            var begun = next;
            next = null;
            try
            {
                await CommitAsync(batch, begun, alone: false).ConfigureAwait(false);
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

    /// <summary>
    /// Decides and commits one batch, optimistically unless a recent conflict or <paramref name="begun"/>
    /// (a transaction already holding or awaiting the lock) says otherwise, and answers its callers.
    /// <paramref name="alone"/> keeps the batch as it is: no commands join it and no next transaction is opened.
    /// </summary>
    private async Task CommitAsync(List<PendingCommand> batch, Task<IPoolTransaction>? begun, bool alone)
    {
        state ??= await LoadOrEndAsync(begun).ConfigureAwait(false); // before the lock, when it can
        var optimistic = begun is null && lockedBatches == 0;
        var results = optimistic
            ? await BatchCommits.TryOptimisticAsync(store, PoolName, state, clock, batch, options.SnapshotEvery).ConfigureAwait(false)
            : null;
        if (results is null)
        {
            if (optimistic)
            {
                state = await LoadAsync().ConfigureAwait(false); // the stream moved: the batch folded into state was discarded
                lockedBatches = LockedBatchesAfterConflict + 1;
            }

            lockedBatches = Math.Max(lockedBatches - 1, 0);
            Action<List<PendingCommand>> join = alone ? static _ => { } : Drain;
            Func<bool>? moreWaiting = !alone && lockedBatches > 0 ? () => queue.Reader.Count > 0 : null;
            results = await BatchCommits.CommitLockedAsync(store, PoolName, state, clock, batch, options.SnapshotEvery,
                begun ?? store.BeginAsync(PoolName, CancellationToken.None), join, moreWaiting, started => next = started).ConfigureAwait(false);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
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
            var begun = next;
            next = null;
            try
            {
                await CommitAsync([pending], begun, alone: true).ConfigureAwait(false);
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
        if (retired is not null && state is { IsCreated: false } && next is null && queue.Reader.Count == 0 && queue.Writer.TryComplete())
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

    /// <summary>
    /// Loads the pool; if that fails, first ends <paramref name="begun"/>, a transaction that holds or
    /// awaits the pool lock and that no one else would end: left open, it would block the pool for good.
    /// </summary>
    private async Task<PoolState> LoadOrEndAsync(Task<IPoolTransaction>? begun)
    {
        try
        {
            return await LoadAsync().ConfigureAwait(false);
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
