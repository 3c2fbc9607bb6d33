using System.Runtime.CompilerServices;
using PasidLedger.Application.Ports;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Tests.Writing;

/// <summary>
/// An in-memory <see cref="IPoolStore"/> whose steps a test scripts: the stream a load reads, which
/// optimistic commits find the stream moved, where a locked transaction's catch-up waits, which
/// commits and loads fail. It records every locked transaction it hands out, and keeps the idempotency
/// results of the commits it accepts as a jsonb column would (<see cref="Jsonb"/>).
/// </summary>
internal sealed class ScriptedPoolStore : IPoolStore
{
    private readonly List<(long Version, PoolEvent Event)> stream = [];

    /// <summary>A pool with one NULL set of quota 8 (set 0).</summary>
    public ScriptedPoolStore(string pool)
    {
        var state = new PoolState();
        foreach (var command in new PoolCommand[] { new CreatePool(pool), new CreateSet(Domain.Model.SetType.Null, null, 8) })
        {
            foreach (var @event in Pool.Decide(state, command).Events)
            {
                Pool.Evolve(state, @event);
                stream.Add((state.Version, @event));
            }
        }
    }

    public bool NextOptimisticCommitConflicts { get; set; }

    /// <summary>The next locked transaction's catch-up read waits for this.</summary>
    public TaskCompletionSource? CatchUpGate { get; set; }

    /// <summary>Completes when a locked transaction's catch-up started waiting at <see cref="CatchUpGate"/>.</summary>
    public TaskCompletionSource CatchUpReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? NextLockedCommitFails { get; set; }

    public Exception? LoadsFail { get; set; }

    public List<ScriptedTransaction> Locked { get; } = [];

    /// <summary>The stored result of each idempotency key, as the store gives it back.</summary>
    public Dictionary<string, string> Results { get; } = [];

    public Task<PoolSnapshot?> LoadSnapshotAsync(string pool, CancellationToken ct) =>
        LoadsFail is { } failure ? Task.FromException<PoolSnapshot?>(failure) : Task.FromResult<PoolSnapshot?>(null);

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(string pool, long afterVersion, CancellationToken ct) =>
        stream.Where(e => e.Version > afterVersion).ToAsyncEnumerable();

    public Task<IPoolTransaction> BeginAsync(string pool, CancellationToken ct)
    {
        var tx = new ScriptedTransaction(this, stream.Count, locked: true);
        lock (Locked)
        {
            Locked.Add(tx);
        }

        return Task.FromResult<IPoolTransaction>(tx);
    }

    public IPoolTransaction BeginOptimistic(string pool, long expectedVersion) => new ScriptedTransaction(this, expectedVersion, locked: false);

    internal sealed class ScriptedTransaction(ScriptedPoolStore store, long version, bool locked) : IPoolTransaction
    {
        public bool Disposed { get; private set; }

        public long StreamVersion => version;

        public async IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, [EnumeratorCancellation] CancellationToken ct)
        {
            if (store.CatchUpGate is { } gate)
            {
                store.CatchUpGate = null;
                store.CatchUpReached.TrySetResult();
                await gate.Task;
            }

            foreach (var entry in store.stream.Where(e => e.Version > afterVersion))
            {
                yield return entry;
            }
        }

        public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(keys.Where(store.Results.ContainsKey).ToDictionary(key => key, key => store.Results[key]));

        public Task CommitAsync(PoolCommit commit, CancellationToken ct)
        {
            if (!locked && store.NextOptimisticCommitConflicts)
            {
                store.NextOptimisticCommitConflicts = false;
                return Task.FromException(new StreamMovedException());
            }

            if (locked && store.NextLockedCommitFails is { } failure)
            {
                store.NextLockedCommitFails = null;
                return Task.FromException(failure);
            }

            foreach (var (key, result) in commit.Results)
            {
                store.Results.Add(key, Jsonb.Stored(result));
            }

            return Task.CompletedTask; // the events are not kept: the tests here are about the writer, which caches its state
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
