using Marten;
using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// A group commit decided against the writer's cached state at <c>expectedVersion</c>: the pool lock
/// (<see cref="PoolStreams.LockSql"/>, one round trip), then one Marten session on that transaction, whose
/// batch holds the append with that expected version, read models, keys, rejections and snapshot, then
/// <c>COMMIT</c>. A writer of another instance that moved the stream meanwhile makes the append (or the
/// guard of a batch without events) fail, and the batch keeps nothing.
/// </summary>
/// <remarks>
/// Idempotency keys are looked up before, on the same connection: a stored key is final, and a key
/// another instance stores after the lookup makes the insert of this batch fail (unique violation),
/// which is reported like a moved stream.
/// </remarks>
internal sealed class OptimisticPoolTransaction(IDocumentStore store, NpgsqlDataSource dataSource, string pool, long expectedVersion)
    : IPoolTransaction
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
        ArgumentNullException.ThrowIfNull(commit);
        var writes = DeferredWrites.Of(pool, commit);
        writes.GuardWhenNoEvents();
        var open = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await open.BeginTransactionAsync(ct).ConfigureAwait(false);
        await PoolStreams.LockAsync(open, tx, pool, ct).ConfigureAwait(false);
        await SessionCommit.CommitAsync(store, tx, writes, ct).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => conn?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        conn ??= await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
}
