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
    private static readonly string Suite = $"tests of {System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "this assembly"}";

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
        try
        {
            _container = new PostgreSqlBuilder(TestPostgres.Image())
                .WithLabel(TestPostgres.RunLabel, Environment.GetEnvironmentVariable(TestPostgres.RunVariable) ?? "none")
                // A password of this run only, and the port on loopback whatever the engine's default: nobody else gets in.
                .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))
                .WithCreateParameterModifier(create =>
                {
                    foreach (var binding in create.HostConfig?.PortBindings?.Values.SelectMany(bindings => bindings) ?? [])
                    {
                        binding.HostIP = "127.0.0.1";
                    }
                })
                .WithCommand("-c", "max_connections=200")
                .Build();
            await _container.StartAsync(TestContext.Current.CancellationToken);
            return _container.GetConnectionString();
        }
        // Whatever stops the container (no engine, an image that cannot be pulled, a failed start) ends in the one message.
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_container is not null)
            {
                await _container.DisposeAsync(); // created but not started: nobody else would remove it
                _container = null;
            }

            throw new InvalidOperationException($"{ex.Message}\n{TestPostgres.HowToGetOne(Suite)}", ex);
        }
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
                throw new InvalidOperationException($"The server is PostgreSQL {version}, older than 15. {TestPostgres.HowToGetOne(Suite)}");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException($"Cannot connect to PostgreSQL at '{WithoutPassword(ConnectionString)}': {ex.Message}. {TestPostgres.HowToGetOne(Suite)}", ex);
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
