using PasidLedger.Application.Ports;

namespace PasidLedger.Application.Writing;

/// <summary>How <see cref="PoolWriter"/> commits its next batch.</summary>
internal abstract record WriterMode
{
    /// <summary>Batches that take the lock first after an optimistic batch found the stream moved.</summary>
    public const int LockedBatchesAfterConflict = 8;

    private WriterMode()
    {
    }

    /// <summary>The transaction already opened for the next batch (it holds or awaits the pool lock), if any.</summary>
    public virtual Task<IPoolTransaction>? Next => null;

    /// <summary>
    /// The usual mode: the batch is decided against the cached state, then lock, version check and
    /// every write go in one round trip (<see cref="IPoolStore.BeginOptimistic"/>).
    /// </summary>
    public sealed record Optimistic : WriterMode
    {
        public static Optimistic Instance { get; } = new();
    }

    /// <summary>
    /// After another instance moved the stream: <paramref name="BatchesLeft"/> more batches take the
    /// lock first and catch up under it. While one commits, the next batch's transaction
    /// (<paramref name="Opened"/>) may already wait for the lock, so that wait is off the critical path.
    /// </summary>
    public sealed record Locked(int BatchesLeft, Task<IPoolTransaction>? Opened) : WriterMode
    {
        public override Task<IPoolTransaction>? Next => Opened;

        /// <summary>The mode right after a conflict: the batch is redone under the lock, then <see cref="LockedBatchesAfterConflict"/> more.</summary>
        public static Locked AfterConflict { get; } = new(LockedBatchesAfterConflict + 1, null);
    }
}
