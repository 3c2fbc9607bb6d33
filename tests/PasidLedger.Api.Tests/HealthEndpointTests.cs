using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary><c>GET /health</c>: what <c>ops/compose up</c> waits for, and what an orchestrator probes.</summary>
public sealed class HealthEndpointTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    [Fact]
    public async Task Health_WhileTheDatabaseAnswers_IsHealthy()
    {
        using var http = api.CreateClient();

        var response = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_WhenTheDatabaseDoesNotAnswer_Is503Unhealthy_WithoutDetails()
    {
        // Nothing listens on port 1; no migration at start, so the host comes up without a database.
        var log = new CapturedLog();
        await using var noDatabase = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Postgres:ConnectionString", "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres")
            .UseSetting("Ledger:Migrate", "false")
            .UseSetting("Auth:Keys", TokenSettings.NewKey())
            .ConfigureLogging(logging => logging.AddProvider(log)));
        using var http = noDatabase.CreateClient();

        var response = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        for (var probe = 0; probe < 10; probe++)
        {
            (await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).Dispose();
        }

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // Eleven failed probes: one counted Warning line, no error and no stack trace (R7).
        log.Entries.Where(e => e.Message.StartsWith("DatabaseUnhealthy", StringComparison.Ordinal)).ShouldHaveSingleItem();
        log.Entries.Where(e => e.Level >= LogLevel.Warning).ShouldAllBe(e => e.Level == LogLevel.Warning && e.Exception == null);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Unhealthy");
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("Ledger:IdempotencyRetention", "5s")]
    [InlineData("Ledger:IdempotencyRetention", "00:00:30")]
    [InlineData("Ledger:IdempotencyRetention", "forever")]
    [InlineData("Ledger:RefusalRetention", "-1.00:00:00")]
    [InlineData("Ledger:RefusalRetention", "90 days")]
    public void A_malformed_or_too_short_retention_stops_the_service_at_start(string setting, string retention)
    {
        using var misconfigured = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Postgres:ConnectionString", "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres")
            .UseSetting("Ledger:Migrate", "false")
            .UseSetting("Auth:Keys", TokenSettings.NewKey())
            .UseSetting(setting, retention));

        Should.Throw<InvalidOperationException>(() => misconfigured.Server).Message.ShouldContain(setting);
    }
}
