using Npgsql;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The PostgreSQL server of this run: <c>PASIDLEDGER_TEST_PG</c> when set (./ops/test sets it), else a private
/// cluster from <c>ops/pg start --port 55442 --dir .data/pg-test-api</c>. If neither works every test fails
/// with instructions; nothing is skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PASIDLEDGER_TEST_PG";

    public static readonly string HowToGetOne =
        $"The API tests need a PostgreSQL 15+ server. Either set {EnvironmentVariable} to a connection string "
        + "(Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres) for a user that may create schemas, "
        + $"or let the tests start a private cluster with `{OpsPg.Command}`, which needs the PostgreSQL 15 server "
        + "binaries in /usr/lib/postgresql/15/bin (`apt-get install postgresql-15`).";

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        ConnectionString = string.IsNullOrWhiteSpace(configured) ? await OpsPg.StartAsync() : configured;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var cmd = new NpgsqlCommand("select current_setting('server_version_num')::int", conn);
            var version = (int)(await cmd.ExecuteScalarAsync())!;
            if (version < 150000)
            {
                throw new InvalidOperationException($"The server is PostgreSQL {version}, older than 15. {HowToGetOne}");
            }
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Cannot connect to PostgreSQL at '{ConnectionString}': {ex.Message}. {HowToGetOne}", ex);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
