using Npgsql;

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
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            found[reader.GetString(0)] = reader.GetString(1);
        }

        return found;
    }
}
