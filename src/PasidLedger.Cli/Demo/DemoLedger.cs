using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Postgres;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// The ledger the demo runs in its own process: <see cref="LedgerApiHost"/> with its relay and bus command endpoint on the
/// given RabbitMQ, HTTP on a free loopback port, and a signing key of its own, made for this run, that every demo token is
/// issued with. Only warnings and errors of the host are logged, on stderr.
/// </summary>
internal sealed class DemoLedger : IAsyncDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private readonly WebApplication _app;
    private readonly TokenSettings _tokens;

    private DemoLedger(WebApplication app, TokenSettings tokens)
    {
        _app = app;
        _tokens = tokens;
    }

    /// <summary>The HTTP address it listens on.</summary>
    public Uri Url => new(_app.Urls.First());

    public static async Task<DemoLedger> StartAsync(PostgresOptions database, Uri broker, CancellationToken ct)
    {
        var key = TokenSettings.NewKey();
        var app = LedgerApiHost.Build(
            [
                $"--Postgres:ConnectionString={database.ConnectionString}",
                $"--Postgres:SchemaName={database.SchemaName}",
                $"--Bus:RabbitMq={broker}",
                $"--Auth:Keys={key}",
                "--urls=http://127.0.0.1:0",
            ],
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
                builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await app.StartAsync(ct).ConfigureAwait(false);
        var tokens = TokenSettings.From(new ConfigurationBuilder().AddInMemoryCollection([new("Auth:Keys", key)]).Build());
        return new DemoLedger(app, tokens);
    }

    /// <summary>A token of <paramref name="principal"/> in <paramref name="role"/>, acting for <paramref name="mm"/> when given.</summary>
    public string TokenFor(string principal, string role, string? mm = null) =>
        LedgerTokens.Issue(_tokens, principal, role, TokenLifetime, DateTimeOffset.UtcNow, mm);

    /// <summary>Creates <paramref name="pool"/> as an operator (<c>PUT /v1/pools/{pool}</c>); a pool that exists already is refused.</summary>
    public async Task CreatePoolAsync(string pool, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor("operator:demo", LedgerRoles.Operator));
        var path = $"/v1/pools/{Uri.EscapeDataString(pool)}";
        using (var existing = await http.GetAsync(path, ct).ConfigureAwait(false))
        {
            if (existing.IsSuccessStatusCode)
            {
                throw new Commands.CliException($"Pool '{pool}' exists already; the demo needs a fresh pool (leave out --pool to get one).");
            }
        }

        using var created = await http.PutAsync(path, null, ct).ConfigureAwait(false);
        if (!created.IsSuccessStatusCode)
        {
            throw new Commands.CliException($"Creating pool '{pool}' failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
