using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// The part both group-commit paths share: every write is buffered in <see cref="Writes"/> and
/// sent as one batch by the subclass's <see cref="CommitAsync"/>.
/// </summary>
internal abstract class DeferredPoolTransaction(string pool) : IPoolTransaction
{
    protected DeferredWrites Writes { get; } = new(pool);

    protected string Pool { get; } = pool;

    public abstract long StreamVersion { get; }

    public abstract IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct);

    public abstract Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct);

    public abstract Task CommitAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    public Task AppendAsync(long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        Writes.Append(expectedVersion, events);
        return Task.CompletedTask;
    }

    public Task ApplyAsync(ReadModelChanges changes, CancellationToken ct)
    {
        Writes.ReadModels(changes);
        return Task.CompletedTask;
    }

    public Task SaveResultsAsync(IReadOnlyList<(string Key, string ResultJson)> results, CancellationToken ct)
    {
        Writes.Results(results);
        return Task.CompletedTask;
    }

    public Task RecordRejectionsAsync(IReadOnlyList<RejectionRecord> rejections, CancellationToken ct)
    {
        Writes.Rejections(rejections);
        return Task.CompletedTask;
    }

    public Task SaveSnapshotAsync(PoolSnapshot snapshot, CancellationToken ct)
    {
        Writes.Snapshot(snapshot);
        return Task.CompletedTask;
    }

    /// <summary>What the commit throws when the server refused a value of the batch (<see cref="StoreErrorKind.DataRefused"/>).</summary>
    protected StoreRefusedWriteException Refused(PostgresException refusal) =>
        new($"PostgreSQL refused a write of pool {Pool}'s batch ({refusal.SqlState}: {refusal.MessageText}); nothing of it was kept.", refusal);
}
