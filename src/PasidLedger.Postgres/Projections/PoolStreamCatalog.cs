using Npgsql;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Projections;

/// <summary>Which pools have a stream, and at which version, as the caller's transaction sees them.</summary>
internal static class PoolStreamCatalog
{
    /// <summary>(pool, version) of every pool stream, or of <paramref name="pool"/> only; ordered by pool.</summary>
    public static async Task<List<(string Pool, long Version)>> StreamsAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, string? pool, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select substr(id, length(@prefix) + 1) as pool, version from mt_streams
            where starts_with(id, @prefix) and (@stream_id::text is null or id = @stream_id)
            order by pool
            """, conn, tx);
        command.Parameters.AddWithValue("prefix", PoolStreams.StreamId(string.Empty));
        command.Parameters.AddWithValue("stream_id", pool is null ? DBNull.Value : PoolStreams.StreamId(pool));
        return await SqlQuery.ListAsync(command, reader => (reader.GetString(0), reader.GetInt64(1)), ct).ConfigureAwait(false);
    }

    /// <summary>Pools that have read-model rows, stream or not (verify reports rows no stream explains).</summary>
    public static async Task<List<string>> ProjectedPoolsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select pool from capacity_view union select pool from set_view union select pool from refcount_view
            union select pool from spid_index union select pool from notifier_view
            """, conn, tx);
        return await SqlQuery.ListAsync(command, reader => reader.GetString(0), ct).ConfigureAwait(false);
    }
}
