using Npgsql;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Postgres;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Cli.Tests.Support;

/// <summary>
/// A schema of its own per test class, migrated by <c>pasidledger migrate</c>, with the real pool writer
/// over PostgreSQL to give pools a history, and the CLI pointed at it. Dropped after the class.
/// </summary>
public sealed class CliLedger(PostgresServer server) : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;
    private PostgresPoolStore? store;
    private PoolWriters? writers;

    public string Schema { get; } = $"t_{Guid.NewGuid():N}";

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        (await RunAsync("migrate")).ShouldSucceed();
        dataSource = PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = Schema });
        store = new PostgresPoolStore(dataSource);
        writers = new PoolWriters(store, new WriterOptions(), TimeProvider.System);
    }

    /// <summary>A pool name no other test uses.</summary>
    public static string NewPool() => $"p-{Guid.NewGuid():N}"[..14];

    /// <summary><c>pasidledger &lt;args&gt; --connection … --schema …</c>, in-process.</summary>
    public Task<CliInvocation> RunAsync(params string[] args) =>
        CliInvocation.InvokeAsync([.. args, "--connection", server.ConnectionString, "--schema", Schema]);

    /// <summary>Submits one command through the pool writer, as the API or the bus would.</summary>
    public Task<CommandResult> SubmitAsync(string pool, PoolCommand command, string? caller = null, Guid? correlation = null) =>
        (writers ?? throw new InvalidOperationException("The fixture is not initialized."))
            .SubmitAsync(pool, new CommandEnvelope(command, Caller: caller, CorrelationId: correlation), TestContext.Current.CancellationToken);

    /// <summary>The time the event at <paramref name="version"/> was appended.</summary>
    public async Task<DateTimeOffset> TimeOfAsync(string pool, long version) =>
        (await new PoolTimeTravel(DataSource).AtVersionAsync(pool, version, TestContext.Current.CancellationToken)).ShouldNotBeNull().Time;

    public async ValueTask DisposeAsync()
    {
        if (writers is not null)
        {
            await writers.DisposeAsync();
        }

        store?.Dispose();
        if (dataSource is not null)
        {
            await using (var conn = await dataSource.OpenConnectionAsync())
            {
                await using var drop = new NpgsqlCommand($"drop schema if exists {Schema} cascade", conn);
                await drop.ExecuteNonQueryAsync();
            }

            await dataSource.DisposeAsync();
        }
    }
}
