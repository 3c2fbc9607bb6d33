using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

using Npgsql;

using PasidLedger.Postgres.Errors;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Events;

/// <summary>
/// The event store: streams of events with contiguous versions and an optimistic
/// concurrency check. Appends run inside a transaction the caller owns, so the pool
/// writer can update read models and idempotency keys in the same commit.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Transaction-scoped members stay on the one injectable store object.")]
public sealed class PostgresEventStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Appends <paramref name="events"/> as versions <paramref name="expectedVersion"/>+1…, if
    /// the stream is at <paramref name="expectedVersion"/> (0: the stream does not exist yet).
    /// Returns the new version. Throws <see cref="WrongExpectedVersionException"/> otherwise;
    /// then nothing was written, but the transaction may hold the stream row's lock (or be
    /// aborted, after a unique violation): roll it back before deciding again.
    /// </summary>
    public async Task<long> AppendAsync(
        NpgsqlConnection conn,
        NpgsqlTransaction tx,
        string streamId,
        string pool,
        long expectedVersion,
        IReadOnlyList<EventToAppend> events,
        CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            var current = await ReadStreamVersionAsync(conn, tx, streamId, lockRow: true, ct).ConfigureAwait(false);
            return current == expectedVersion
                ? current
                : throw new WrongExpectedVersionException(streamId, expectedVersion, current);
        }

        int inserted;
        try
        {
            await using var cmd = EventAppendCommand.Create(conn, tx, streamId, pool, expectedVersion, events);
            inserted = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (
            StoreErrorClassifier.Classify(ex) == StoreErrorKind.ConcurrencyConflict
            && ex.ConstraintName == "uq_events_stream_version")
        {
            throw new WrongExpectedVersionException(streamId, expectedVersion, actualVersion: null, ex);
        }

        if (inserted == events.Count)
        {
            return expectedVersion + events.Count;
        }

        var actual = await ReadStreamVersionAsync(conn, tx, streamId, lockRow: false, ct).ConfigureAwait(false);
        throw new WrongExpectedVersionException(streamId, expectedVersion, actual);
    }

    /// <summary>
    /// Takes the pool's transaction-scoped advisory lock, so one writer at a time decides
    /// for the pool across service instances (ARCHITECTURE.md section 2). Released at commit
    /// or rollback. Advisory locks are per database, not per schema.
    /// </summary>
    public async Task AcquirePoolLockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        await using var cmd = new NpgsqlCommand(PoolStreams.LockSql, conn, tx);
        cmd.Parameters.AddWithValue("pool", pool);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The stream's current version: 0 when it has no events.</summary>
    public async Task<long> ReadStreamVersionAsync(string streamId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await ReadStreamVersionAsync(conn, null, streamId, lockRow: false, ct).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="limit"/> events with versions above <paramref name="afterVersion"/>, in version order.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        string streamId, long afterVersion, int limit, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await foreach (var stored in ReadStreamAsync(conn, null, streamId, afterVersion, limit, ct).ConfigureAwait(false))
        {
            yield return stored;
        }
    }

    /// <summary>As the other overload, on the caller's connection: a writer catching up inside its transaction.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(
        NpgsqlConnection conn,
        NpgsqlTransaction? tx,
        string streamId,
        long afterVersion,
        int limit,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var cmd = new NpgsqlCommand(StoredEventReader.StreamQuery, conn, tx);
        cmd.Parameters.AddWithValue("stream_id", streamId);
        cmd.Parameters.AddWithValue("after_version", afterVersion);
        cmd.Parameters.AddWithValue("limit", limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            yield return StoredEventReader.Read(reader);
        }
    }

    private static async Task<long> ReadStreamVersionAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, string streamId, bool lockRow, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        await using var cmd = new NpgsqlCommand(
            "select version from streams where stream_id = @stream_id" + (lockRow ? " for update" : string.Empty), conn, tx);
        cmd.Parameters.AddWithValue("stream_id", streamId);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long version ? version : 0;
    }
}
