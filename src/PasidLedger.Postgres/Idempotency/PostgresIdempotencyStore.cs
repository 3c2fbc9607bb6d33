using System.Diagnostics.CodeAnalysis;

using Npgsql;

using NpgsqlTypes;

namespace PasidLedger.Postgres.Idempotency;

/// <summary>
/// Idempotency keys, read and written in the pool writer's transaction: a retried command
/// returns its original result and appends nothing (ARCHITECTURE.md section 2).
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Transaction-scoped members stay on the one injectable store object.")]
public sealed class PostgresIdempotencyStore
{
    /// <summary>The stored outcome for <paramref name="key"/> in <paramref name="pool"/>, or <see langword="null"/>.</summary>
    public async Task<StoredIdempotencyKey?> TryGetIdempotentResultAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string pool, string key, CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var cmd = new NpgsqlCommand(
            "select command_hash, result, recorded_at from idempotency_keys where pool = @pool and key = @key", conn, tx);
        cmd.Parameters.AddWithValue("pool", pool);
        cmd.Parameters.AddWithValue("key", key);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new StoredIdempotencyKey(
                pool,
                key,
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    /// <summary>
    /// Stores the outcome of a keyed command. A key already stored for the pool is a
    /// unique violation (SQLSTATE 23505): look the key up first, under the pool lock.
    /// </summary>
    public async Task SaveIdempotencyKeyAsync(
        NpgsqlConnection conn,
        NpgsqlTransaction tx,
        string pool,
        string key,
        string resultJson,
        string? commandHash,
        CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(resultJson);
        await using var cmd = new NpgsqlCommand(
            "insert into idempotency_keys (pool, key, command_hash, result) values (@pool, @key, @command_hash, @result)",
            conn,
            tx);
        cmd.Parameters.AddWithValue("pool", pool);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("command_hash", NpgsqlDbType.Text, (object?)commandHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb, resultJson);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
