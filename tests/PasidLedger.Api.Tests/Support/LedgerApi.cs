using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using PasidLedger.Api.Auth;
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
    private TokenSettings? tokens;

    public LedgerApi(PostgresServer server)
        : this(server, $"t_{Guid.NewGuid():N}", ownsSchema: true)
    {
    }

    private LedgerApi(PostgresServer server, string schema, bool ownsSchema, string? tokenKeys = null)
    {
        this.server = server;
        this.ownsSchema = ownsSchema;
        Schema = schema;
        TokenKey = tokenKeys ?? TokenSettings.NewKey();
    }

    public string Schema { get; }

    /// <summary>What this service instance logged.</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>The service's token keys (<c>Auth:Keys</c>): by default one random key, so a token of one fixture is refused by another.</summary>
    public string TokenKey { get; }

    /// <summary>What the service checks tokens against; the test client signs with it, as <c>pasidledger token issue</c> does.</summary>
    public TokenSettings Tokens => tokens ??= TokenSettingsFor(TokenKey);

    /// <summary>The settings a service configured with these <c>Auth:Keys</c> checks tokens against.</summary>
    public static TokenSettings TokenSettingsFor(string keys) =>
        TokenSettings.From(new ConfigurationBuilder().AddInMemoryCollection([new("Auth:Keys", keys)]).Build());

    /// <summary>
    /// A one-hour token for <paramref name="caller"/>: the operator, an auditor (<c>auditor:…</c>), a VM (<c>mm:…</c>)
    /// or else a component; <c>"vfio:A for mm:A"</c> is the component <c>vfio:A</c> acting for the VM <c>mm:A</c>.
    /// </summary>
    public string TokenFor(string caller) => TokenFor(Tokens, caller);

    /// <summary>The same, signed with <paramref name="tokens"/>: for a service configured with their <c>Auth:Keys</c>.</summary>
    public static string TokenFor(TokenSettings tokens, string caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parts = caller.Split(" for ");
        return LedgerTokens.Issue(tokens, parts[0], RoleOf(parts[0]), TimeSpan.FromHours(1), DateTimeOffset.UtcNow, parts.ElementAtOrDefault(1));
    }

    private static string RoleOf(string principal) =>
        principal == LedgerClient.Operator ? LedgerRoles.Operator
        : principal.StartsWith("auditor:", StringComparison.Ordinal) ? LedgerRoles.Auditor
        : principal.StartsWith("mm:", StringComparison.Ordinal) ? LedgerRoles.Vm
        : LedgerRoles.Component;

    /// <summary>Connections on this class's schema, for checks the API cannot make (what was stored).</summary>
    public NpgsqlDataSource DataSource =>
        dataSource ??= PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = Schema });

    /// <summary>A second service process on the same schema (a restart, or another instance); it leaves the schema alone.</summary>
    public LedgerApi Twin() => new(server, Schema, ownsSchema: false);

    /// <summary>A twin configured with these token keys (base64, comma-separated; the first signs).</summary>
    public LedgerApi Twin(string tokenKeys) => new(server, Schema, ownsSchema: false, tokenKeys);

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
        builder.UseSetting("Auth:Keys", TokenKey);
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerLog()).AddProvider(Log));
    }
}
