using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using Shouldly;
using Xunit;

namespace PasidLedger.Application.Tests.Writing;

/// <summary>
/// The locked mode after a conflict: how long it lasts, and that a transaction the writer opened ahead
/// for the next batch, which holds the pool lock, is always ended.
/// </summary>
public sealed class PoolWriterLockTests
{
    private const string Pool = "p";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transaction_opened_for_the_next_batch_is_ended_when_that_batch_cannot_load_the_pool()
    {
        var store = new ScriptedPoolStore(Pool) { NextOptimisticCommitConflicts = true, CatchUpGate = new() };
        await using var writer = new PoolWriter(Pool, store, new WriterOptions(), TimeProvider.System);
        var gate = store.CatchUpGate;

        // The first batch conflicts, so it is redone holding the lock; its catch-up waits at the gate.
        var first = writer.SubmitAsync(new CommandEnvelope(new AllocateIoasid(0, 1, 10, null)), Ct);
        await store.CatchUpReached.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // A command queued meanwhile makes the writer open the next batch's transaction before committing.
        var second = writer.SubmitAsync(new CommandEnvelope(new AllocateIoasid(0, 1, 10, null)), Ct);
        store.NextLockedCommitFails = new InvalidOperationException("commit failed");
        store.LoadsFail = new TimeoutException("load failed");
        gate!.SetResult();

        await Should.ThrowAsync<InvalidOperationException>(first);
        await Should.ThrowAsync<TimeoutException>(second);
        store.Locked.Count.ShouldBe(2, "the redone batch's transaction and the one opened for the next batch");
        store.Locked.ShouldAllBe(tx => tx.Disposed, "a transaction left open would hold the pool lock for good");
    }

    [Fact]
    public async Task After_a_conflict_the_redone_batch_and_the_next_eight_take_the_lock_then_the_writer_is_optimistic_again()
    {
        var store = new ScriptedPoolStore(Pool) { NextOptimisticCommitConflicts = true };
        await using var writer = new PoolWriter(Pool, store, new WriterOptions(), TimeProvider.System);

        // One at a time, so each command is a batch of its own and no transaction is opened ahead.
        for (var i = 0; i < 12; i++)
        {
            PoolCommand command = i % 2 == 0 ? new ReserveCapacity(1) : new CancelCapacity(1);
            (await writer.SubmitAsync(new CommandEnvelope(command), Ct)).Failed.ShouldBeFalse();
        }

        store.Locked.Count.ShouldBe(1 + WriterMode.LockedBatchesAfterConflict);
    }
}
