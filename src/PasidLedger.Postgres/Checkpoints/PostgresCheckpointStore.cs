using System.Diagnostics.CodeAnalysis;

using Npgsql;

namespace PasidLedger.Postgres.Checkpoints;

/// <summary>
/// How far a reader (a projection, the relay) has followed each pool stream, by version.
/// Saved in the same transaction as the work it guards, never in a separate one.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Transaction-scoped members stay on the one injectable store object.")]
public sealed class PostgresCheckpointStore(NpgsqlDataSource dataSource)
{
    /// <summary>The last version <paramref name="name"/> processed in <paramref name="pool"/>; 0 if none.</summary>
    public async Task<long> LoadCheckpointAsync(string name, string pool, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await LoadCheckpointAsync(conn, null, name, pool, ct).ConfigureAwait(false);
    }

    /// <summary>As the other overload, on the caller's connection and transaction.</summary>
    public async Task<long> LoadCheckpointAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, string name, string pool, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        await using var cmd = new NpgsqlCommand(
            "select version from checkpoints where name = @name and pool = @pool", conn, tx);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("pool", pool);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long version ? version : 0;
    }

    /// <summary>Sets the checkpoint in the caller's transaction (a rebuild may set it back to 0).</summary>
    public async Task SaveCheckpointAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string name, string pool, long version, CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        await using var cmd = new NpgsqlCommand(
            """
            insert into checkpoints (name, pool, version) values (@name, @pool, @version)
            on conflict on constraint pk_checkpoints do update set version = excluded.version, updated_at = now()
            """,
            conn,
            tx);
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("pool", pool);
        cmd.Parameters.AddWithValue("version", version);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
