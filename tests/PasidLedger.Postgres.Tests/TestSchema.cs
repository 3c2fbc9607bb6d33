using Npgsql;

using PasidLedger.Postgres.Migrations;

namespace PasidLedger.Postgres.Tests;

/// <summary>A fresh, randomly named schema (<c>t_&lt;guid&gt;</c>) with its own data source; dropped on dispose.</summary>
public sealed class TestSchema : IAsyncDisposable
{
    private TestSchema(string name, NpgsqlDataSource dataSource)
    {
        Name = name;
        DataSource = dataSource;
    }

    public string Name { get; }

    /// <summary>Connections whose <c>search_path</c> is this schema.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>A new schema name; the schema itself is created by the migrator.</summary>
    public static TestSchema Create(PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var name = $"t_{Guid.NewGuid():N}";
        var options = new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = name };
        return new TestSchema(name, PostgresDataSourceFactory.Create(options));
    }

    public Migrator Migrator() => new(DataSource, Name);

    /// <summary>The rows of this schema's <c>schema_journal</c>, by version.</summary>
    public async Task<List<(int Version, string Name, string Sha256)>> JournalAsync()
    {
        var rows = new List<(int, string, string)>();
        await QueryAsync("select version, name, sha256 from schema_journal order by version", null,
            reader => rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2))));
        return rows;
    }

    /// <summary>The names of this schema's tables.</summary>
    public async Task<List<string>> TablesAsync()
    {
        var tables = new List<string>();
        await QueryAsync("select tablename::text from pg_tables where schemaname = @schema", Name,
            reader => tables.Add(reader.GetString(0)));
        return tables;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var conn = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var conn = await DataSource.OpenConnectionAsync())
        {
            await using var drop = new NpgsqlCommand($"drop schema if exists {Name} cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }

        await DataSource.DisposeAsync();
    }

    private async Task QueryAsync(string sql, string? schema, Action<NpgsqlDataReader> row)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var conn = await DataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (schema is not null)
        {
            cmd.Parameters.AddWithValue("schema", schema);
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
