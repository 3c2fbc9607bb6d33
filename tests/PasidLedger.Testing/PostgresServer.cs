using System.Security.Cryptography;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace PasidLedger.Testing;

/// <summary>
/// The PostgreSQL server of a test assembly: <c>PASIDLEDGER_TEST_PG</c> when set, otherwise one container
/// from Testcontainers, removed when the assembly's tests end. Each test class makes its own schema or
/// database on it. When neither is available every test fails with <see cref="TestPostgres.HowToGetOne"/>:
/// never a skip.
/// </summary>
/// <remarks>
/// One container per assembly, not per run: a container shared across the test processes of a run would have
/// to outlive them (Testcontainers' reuse), and one start costs about 1.4 s here (docs/test-suite.md).
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    private PostgreSqlContainer? _container;

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(TestPostgres.ServerVariable);
        ConnectionString = string.IsNullOrWhiteSpace(configured) ? await StartContainerAsync() : configured;
        await CheckVersionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task<string> StartContainerAsync()
    {
        _container = new PostgreSqlBuilder(TestPostgres.Image())
            .ForThisRun()
            // A password of this run only.
            .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))
            .WithCommand("-c", "max_connections=200")
            .Build();
        await TestContainerRun.StartAsync(_container, TestPostgres.HowToGetOne(TestContainerRun.Suite));
        return _container.GetConnectionString();
    }

    private async Task CheckVersionAsync()
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
            await using var conn = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand("select current_setting('server_version_num')::int", conn);
            var version = (int)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
            if (version < 150000)
            {
                throw new InvalidOperationException($"The server is PostgreSQL {version}, older than 15. {TestPostgres.HowToGetOne(TestContainerRun.Suite)}");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException($"Cannot connect to PostgreSQL at '{WithoutPassword(ConnectionString)}': {ex.Message}. {TestPostgres.HowToGetOne(TestContainerRun.Suite)}", ex);
        }
    }

    // The message lands in TRX files and CI logs.
    private static string WithoutPassword(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(a malformed connection string)";
        }
    }
}
