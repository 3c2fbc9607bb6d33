using System.Diagnostics.CodeAnalysis;

using Npgsql;

using NpgsqlTypes;

namespace PasidLedger.Postgres.Snapshots;

/// <summary>
/// Snapshots of folded streams, so start-up and time travel do not fold a whole history
/// (ARCHITECTURE.md sections 2 and 4). Every snapshot is kept.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Transaction-scoped members stay on the one injectable store object.")]
public sealed class PostgresSnapshotStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Saves a snapshot (<c>@stream_id</c>, <c>@version</c>, jsonb <c>@body</c>); the same stream and
    /// version again replaces it: a fold is deterministic, so the newer body is the same state.
    /// </summary>
    internal const string UpsertSql = """
        insert into snapshots (stream_id, version, body) values (@stream_id, @version, @body)
        on conflict on constraint pk_snapshots do update set body = excluded.body, taken_at = now()
        """;

    private const string Columns = "stream_id, version, body, taken_at";

    /// <summary>
    /// Saves a snapshot in the caller's transaction. Saving the same stream and version again
    /// replaces it: a fold is deterministic, so the newer body is the same state.
    /// </summary>
    public async Task SaveSnapshotAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string streamId, long version, string bodyJson, CancellationToken ct)
    {
        TransactionGuard.EnsureOpen(conn, tx);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyJson);
        await using var cmd = new NpgsqlCommand(UpsertSql, conn, tx);
        cmd.Parameters.AddWithValue("stream_id", streamId);
        cmd.Parameters.AddWithValue("version", version);
        cmd.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, bodyJson);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The snapshot with the highest version, or <see langword="null"/>.</summary>
    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string streamId, CancellationToken ct) =>
        LoadAtOrBeforeAsync(streamId, long.MaxValue, ct);

    /// <summary>The snapshot with the highest version not above <paramref name="version"/>, or <see langword="null"/>.</summary>
    public async Task<StoredSnapshot?> LoadAtOrBeforeAsync(string streamId, long version, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand(
            $"""
            select {Columns} from snapshots
            where stream_id = @stream_id and version <= @version
            order by version desc
            limit 1
            """,
            conn);
        cmd.Parameters.AddWithValue("stream_id", streamId);
        cmd.Parameters.AddWithValue("version", version);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new StoredSnapshot(
                reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
