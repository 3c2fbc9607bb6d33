using Npgsql;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Pools;

/// <summary>Stored results of earlier commands of a pool, by idempotency key.</summary>
internal static class IdempotencyLookup
{
    public static async Task<IReadOnlyDictionary<string, string>> FindAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, string pool, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select key, result::text from idempotency_keys where pool = @pool and key = any(@keys)", conn, tx);
        command.Parameters.AddWithValue("pool", pool);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        var rows = await SqlQuery.ListAsync(command, reader => (Key: reader.GetString(0), Result: reader.GetString(1)), ct).ConfigureAwait(false);
        return rows.ToDictionary(row => row.Key, row => row.Result, StringComparer.Ordinal);
    }
}
