using Npgsql;

namespace PasidLedger.Postgres.ReadModels;

/// <summary>Runs a query and maps each row: the one read loop of the store's queries.</summary>
internal static class SqlQuery
{
    /// <summary>A parameterised query on its own pooled connection.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return await ListAsync(command, read, ct).ConfigureAwait(false);
    }

    /// <summary>A prepared command, e.g. on the caller's connection and transaction.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
