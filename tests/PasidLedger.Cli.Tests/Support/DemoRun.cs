using Npgsql;
using PasidLedger.Postgres;

namespace PasidLedger.Cli.Tests.Support;

/// <summary>
/// One run of <c>pasidledger demo</c> in its own process, as <c>./ops/run demo</c> runs it, shared by a test class: on a
/// schema of its own (which the demo's ledger migrates; dropped afterwards) and a RabbitMQ broker of its own.
/// </summary>
public sealed class DemoRun(PostgresServer server) : IAsyncLifetime
{
    private readonly RabbitMqBroker _broker = new();
    private readonly string _schema = $"t_{Guid.NewGuid():N}";
    private CliInvocation? _run;

    public CliInvocation Run => _run ?? throw new InvalidOperationException("The demo has not run.");

    public async ValueTask InitializeAsync()
    {
        await _broker.InitializeAsync();
        _run = await CliProcess.RunAsync(["demo", "--connection", server.ConnectionString, "--schema", _schema],
            new Dictionary<string, string> { ["PASIDLEDGER_RABBITMQ"] = _broker.Url });
    }

    public async ValueTask DisposeAsync()
    {
        await using (var dataSource = PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = _schema }))
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {_schema} cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }

        await _broker.DisposeAsync();
    }
}
