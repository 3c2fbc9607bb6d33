using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasidLedger.Postgres;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The service in-process on its own schema (<c>t_&lt;guid&gt;</c>), one per test class: it migrates the
/// schema on start, and the schema is dropped when the class is done.
/// </summary>
public class LedgerApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly PostgresServer server;
    private readonly bool ownsSchema;
    private NpgsqlDataSource? dataSource;

    public LedgerApi(PostgresServer server)
        : this(server, $"t_{Guid.NewGuid():N}", ownsSchema: true)
    {
    }

    private LedgerApi(PostgresServer server, string schema, bool ownsSchema)
    {
        this.server = server;
        this.ownsSchema = ownsSchema;
        Schema = schema;
    }

    public string Schema { get; }

    /// <summary>Connections on this class's schema, for checks the API cannot make (what was stored).</summary>
    public NpgsqlDataSource DataSource =>
        dataSource ??= PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = Schema });

    /// <summary>A second service process on the same schema (a restart, or another instance); it leaves the schema alone.</summary>
    public LedgerApi Twin() => new(server, Schema, ownsSchema: false);

    public virtual ValueTask InitializeAsync()
    {
        _ = Server; // Starts the host, which migrates the schema.
        return ValueTask.CompletedTask;
    }

    /// <summary>A client whose every response passes <see cref="ResponseGuard"/>.</summary>
    public virtual LedgerClient NewClient() => new(CreateDefaultClient(new ResponseGuard()), this);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (ownsSchema)
        {
            await using var conn = await DataSource.OpenConnectionAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {Schema} cascade", conn);
            await drop.ExecuteNonQueryAsync();
        }

        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Postgres:ConnectionString", server.ConnectionString);
        builder.UseSetting("Postgres:SchemaName", Schema);
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerLog()));
    }
}
