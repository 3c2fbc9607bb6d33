using Npgsql;

namespace PasidLedger.Testing;

/// <summary>
/// The PostgreSQL server of a test run: <c>PASIDLEDGER_TEST_PG</c> when set (./ops/test sets it), else a
/// suite's private cluster from <c>ops/pg start</c>. When neither works this throws, so every test fails
/// with instructions: never a skip.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "PASIDLEDGER_TEST_PG";

    /// <summary>What to do when no server can be had, for the suite called <paramref name="suite"/>.</summary>
    public static string HowToGetOne(string suite, int port, string dataDir) =>
        $"The {suite} need a PostgreSQL 15+ server. Either set {EnvironmentVariable} to a connection string "
        + "(Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres) for a user that may create schemas, "
        + $"or let the tests start a private cluster with `{OpsPg.Command(port, dataDir)}`, which uses the PostgreSQL 15 "
        + "server binaries in /usr/lib/postgresql/15/bin (`apt-get install postgresql-15`).";

    /// <summary>A connection string to a reachable PostgreSQL 15+ server.</summary>
    public static async Task<string> ConnectAsync(string suite, int port, string dataDir)
    {
        var howToGetOne = HowToGetOne(suite, port, dataDir);
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var connectionString = string.IsNullOrWhiteSpace(configured) ? await OpsPg.StartAsync(port, dataDir, howToGetOne).ConfigureAwait(false) : configured;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var conn = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand("select current_setting('server_version_num')::int", conn);
            var version = (int)(await cmd.ExecuteScalarAsync().ConfigureAwait(false))!;
            return version >= 150000
                ? connectionString
                : throw new InvalidOperationException($"The server is PostgreSQL {version}, older than 15. {howToGetOne}");
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Cannot connect to PostgreSQL at '{connectionString}': {ex.Message}. {howToGetOne}", ex);
        }
    }
}
