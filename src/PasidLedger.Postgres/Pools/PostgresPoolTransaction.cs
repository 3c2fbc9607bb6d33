using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Errors;
using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// One group commit on one connection, holding the pool's advisory transaction lock from the
/// start (the writer's path when it has no trusted cached state). Every write goes in one batch
/// right before <c>COMMIT</c> (<see cref="DeferredWrites"/>).
/// </summary>
internal sealed class PostgresPoolTransaction(
    string pool, NpgsqlConnection conn, NpgsqlTransaction tx, long streamVersion) : IPoolTransaction
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

    /// <summary>
    /// A short append or a unique violation on <c>uq_events_stream_version</c> is a
    /// <see cref="WrongExpectedVersionException"/>, thrown before <c>COMMIT</c> is sent, so the
    /// transaction rolls back with everything in it.
    /// </summary>
    public async Task CommitAsync(PoolCommit commit, CancellationToken ct)
    {
        var streamId = PoolStreams.StreamId(pool);
        var writes = DeferredWrites.Of(pool, commit);
        try
        {
            await writes.ExecuteAsync(conn, tx, ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (
            StoreErrorClassifier.Classify(ex) == StoreErrorKind.ConcurrencyConflict && ex.ConstraintName == "uq_events_stream_version")
        {
            throw new WrongExpectedVersionException(streamId, commit.ExpectedVersion, actualVersion: null, ex);
        }
        catch (PostgresException ex) when (StoreErrorClassifier.Classify(ex) == StoreErrorKind.DataRefused)
        {
            throw writes.Refused(ex);
        }

        if (writes.AppendShortBy != 0)
        {
            throw new WrongExpectedVersionException(streamId, commit.ExpectedVersion, actualVersion: null);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await tx.DisposeAsync().ConfigureAwait(false);
        await conn.DisposeAsync().ConfigureAwait(false);
    }
}
