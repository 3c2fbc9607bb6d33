using System.Diagnostics.CodeAnalysis;

using Npgsql;

using NpgsqlTypes;

namespace PasidLedger.Postgres.Rejections;

/// <summary>
/// Audit records of refused commands (ARCHITECTURE.md section 2, step 3), kept apart from
/// the pool's events. Recorded in the writer's transaction or in a short one of their own.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Transaction-scoped members stay on the one injectable store object.")]
public sealed class PostgresRejectionStore(NpgsqlDataSource dataSource)
{
    private const string Insert = """
        insert into rejections (pool, reason, errno, caller, command, correlation_id, recorded_at)
        values (@pool, @reason, @errno, @caller, @command, @correlation_id, @recorded_at)
        returning id
        """;

    /// <summary>Records a rejection in its own transaction; returns its id.</summary>
    public async Task<long> RecordRejectionAsync(RejectionToRecord rejection, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        var id = await RecordRejectionAsync(conn, tx, rejection, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>Records a rejection in the caller's transaction; returns its id.</summary>
    public async Task<long> RecordRejectionAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, RejectionToRecord rejection, CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentNullException.ThrowIfNull(rejection);
        await using var cmd = new NpgsqlCommand(Insert, conn, tx);
        cmd.Parameters.AddWithValue("pool", rejection.Pool);
        cmd.Parameters.AddWithValue("reason", rejection.Reason);
        cmd.Parameters.AddWithValue("errno", rejection.Errno);
        cmd.Parameters.AddWithValue("caller", NpgsqlDbType.Text, (object?)rejection.Caller ?? DBNull.Value);
        cmd.Parameters.AddWithValue("command", NpgsqlDbType.Jsonb, rejection.CommandJson);
        cmd.Parameters.AddWithValue("correlation_id", NpgsqlDbType.Uuid, (object?)rejection.CorrelationId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("recorded_at", rejection.RecordedAt.ToUniversalTime());
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long id
            ? id
            : throw new InvalidOperationException("insert into rejections returned no id.");
    }

    /// <summary>The newest <paramref name="limit"/> rejections of <paramref name="pool"/>, newest first.</summary>
    public async Task<IReadOnlyList<StoredRejection>> ReadRejectionsAsync(string pool, int limit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand(
            """
            select id, pool, reason, errno, caller, command, correlation_id, recorded_at
            from rejections where pool = @pool order by id desc limit @limit
            """,
            conn);
        cmd.Parameters.AddWithValue("pool", pool);
        cmd.Parameters.AddWithValue("limit", limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rejections = new List<StoredRejection>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rejections.Add(new StoredRejection(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rejections;
    }
}
