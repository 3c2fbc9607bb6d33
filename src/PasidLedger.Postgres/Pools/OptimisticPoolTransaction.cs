using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
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
    private NpgsqlConnection? conn;

    public long StreamVersion { get; } = expectedVersion;

    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        afterVersion == StreamVersion
            ? AsyncEnumerable.Empty<(long, PoolEvent)>()
            : throw new InvalidOperationException($"An optimistic transaction at version {StreamVersion} has nothing to catch up from {afterVersion}.");

    public async Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        await IdempotencyLookup.FindAsync(await OpenAsync(ct).ConfigureAwait(false), null, pool, keys, ct).ConfigureAwait(false);

    public async Task CommitAsync(PoolCommit commit, CancellationToken ct)
    {
        var writes = DeferredWrites.Of(pool, commit);
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
        catch (PostgresException ex) when (StoreErrorClassifier.Classify(ex) == StoreErrorKind.DataRefused)
        {
            throw writes.Refused(ex);
        }
    }

    public ValueTask DisposeAsync() => conn?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        conn ??= await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
}
