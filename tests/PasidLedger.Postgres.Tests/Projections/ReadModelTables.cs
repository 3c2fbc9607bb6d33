using Npgsql;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>Raw access to the five read-model tables of a pool: a row-by-row dump, deleting and tampering.</summary>
internal static class ReadModelTables
{
    /// <summary>Table and primary-key order of every read model.</summary>
    public static readonly (string Table, string OrderBy)[] All =
    [
        ("capacity_view", "pool"),
        ("set_view", "set_id"),
        ("refcount_view", "id"),
        ("spid_index", "set_id, spid"),
        ("notifier_view", "notifier_id"),
    ];

    /// <summary>Every column of every row of the pool, as JSON text, table by table in key order.</summary>
    public static async Task<List<string>> DumpAsync(NpgsqlDataSource dataSource, string pool, CancellationToken ct)
    {
        var rows = new List<string>();
        foreach (var (table, orderBy) in All)
        {
            await using var command = dataSource.CreateCommand($"select '{table} ' || row_to_json(t)::text from {table} t where pool = @pool order by {orderBy}");
            command.Parameters.AddWithValue("pool", pool);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }

    /// <summary>Deletes every read-model row of the pool, as a lost or truncated projection would.</summary>
    public static async Task DeleteAsync(NpgsqlDataSource dataSource, string pool, CancellationToken ct)
    {
        foreach (var (table, _) in All)
        {
            await ExecuteAsync(dataSource, $"delete from {table} where pool = @pool", pool, ct);
        }
    }

    /// <summary>Runs one statement with <c>@pool</c> bound; returns the rows it touched.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, string pool, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("pool", pool);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
