using Marten;
using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// One group commit on one connection, holding the pool lock (<see cref="PoolStreams.LockSql"/>) from
/// the start: the writer's path when it has no trusted cached state. Every write goes in one
/// Marten session on this transaction, right before <c>COMMIT</c>.
/// </summary>
internal sealed class PostgresPoolTransaction(
    IDocumentStore store, string pool, NpgsqlConnection conn, NpgsqlTransaction tx, long streamVersion) : IPoolTransaction
{
    public long StreamVersion { get; } = streamVersion;

    /// <summary>
    /// Nothing to read when the writer is already at the version seen under the lock: while the
    /// lock is held no one else appends, so the usual single-instance batch saves the round trip.
    /// </summary>
    public IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(long afterVersion, CancellationToken ct) =>
        afterVersion == StreamVersion
            ? AsyncEnumerable.Empty<(long, PoolEvent)>()
            : PoolStreamReader.ReadAsync(conn, tx, pool, afterVersion, long.MaxValue, ct);

    public Task<IReadOnlyDictionary<string, string>> FindResultsAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        IdempotencyLookup.FindAsync(conn, tx, pool, keys, ct);

    /// <summary>The session writes in this transaction and leaves the commit to it; a failure rolls all of it back on dispose.</summary>
    public async Task CommitAsync(PoolCommit commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await SessionCommit.CommitAsync(store, tx, DeferredWrites.Of(pool, commit), ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await tx.DisposeAsync().ConfigureAwait(false);
        await conn.DisposeAsync().ConfigureAwait(false);
    }
}
