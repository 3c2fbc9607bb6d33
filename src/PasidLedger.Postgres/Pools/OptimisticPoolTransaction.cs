using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// A group commit decided against the writer's cached state at <c>expectedVersion</c>, sent as
/// one batch and so one round trip: pool lock, version check, append, read models, keys,
/// rejections, snapshot. Without an explicit transaction PostgreSQL runs the batch as one implicit
/// transaction that commits at its end, so a raised check or any other error keeps nothing.
/// </summary>
/// <remarks>
/// Idempotency keys are looked up before, without the lock: a stored key is final, and a key
/// another instance stores after the lookup makes the insert of this batch fail (unique violation),
/// which is reported like a moved stream.
/// </remarks>
internal sealed class OptimisticPoolTransaction(NpgsqlDataSource dataSource, string pool, long expectedVersion) : IPoolTransaction
{
    private readonly DeferredWrites writes = new(pool);
    private NpgsqlConnection? conn;

    public long StreamVersion { get; } = expectedVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        afterVersion == StreamVersion
            ? AsyncEnumerable.Empty<(long, PoolEvent)>()
            : throw new InvalidOperationException($"An optimistic transaction at version {StreamVersion} has nothing to catch up from {afterVersion}.");

    public async Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await IdempotencyLookup.FindAsync(await OpenAsync(ct).ConfigureAwait(false), null, pool, keys, ct).ConfigureAwait(false);

    public Task AppendAsync(long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        writes.Append(expectedVersion, events);
        return Task.CompletedTask;
    }

    public Task ApplyAsync(ReadModelChanges changes, CancellationToken ct)
    {
        writes.ReadModels(changes);
        return Task.CompletedTask;
    }

    public Task SaveResultsAsync(IReadOnlyList<(string Key, string ResultJson)> results, CancellationToken ct)
    {
        writes.Results(results);
        return Task.CompletedTask;
    }

    public Task RecordRejectionsAsync(IReadOnlyList<RejectionRecord> rejections, CancellationToken ct)
    {
        writes.Rejections(rejections);
        return Task.CompletedTask;
    }

    public Task SaveSnapshotAsync(PoolSnapshot snapshot, CancellationToken ct)
    {
        writes.Snapshot(snapshot);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        writes.GuardWith(StreamVersion);
        var open = await OpenAsync(ct).ConfigureAwait(false);
        try
        {
            await writes.ExecuteAsync(open, null, ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (StoreErrorClassifier.Classify(ex) == StoreErrorKind.ConcurrencyConflict)
        {
            throw new StreamMovedException($"Pool {pool} moved past version {StreamVersion} before its batch committed.", ex);
        }
    }

    public ValueTask DisposeAsync() => conn?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        conn ??= await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
}
