using Microsoft.Extensions.Logging;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>DOMAIN.md R7: a client cannot flood the service's diagnostics with requests it can repeat at will.</summary>
public sealed class DiagnosticsFloodTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Malformed_requests_log_no_stack_trace_and_no_error()
    {
        var pool = await client.NewPoolAsync();

        for (var i = 0; i < 20; i++)
        {
            (await client.SendRawAsync(HttpMethod.Post, pool.Path + "/sets", "{ not json")).Code.ShouldBe(400);
        }

        api.Log.Entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error).ShouldBeEmpty();
    }

    [Fact]
    public void A_repeated_failure_is_logged_once_per_window_with_the_count_since()
    {
        var clock = new ManualClock();
        var log = new CapturedLog();
        var failures = new RepeatedFailureLog(new LoggerFactory([log]).CreateLogger<RepeatedFailureLog>(), clock);

        for (var i = 0; i < 100; i++)
        {
            failures.Record("StoreUnavailable", "connection refused");
        }

        clock.Advance(RepeatedFailureLog.Window);
        failures.Record("StoreUnavailable", "connection refused");

        var lines = log.Entries.Select(e => e.Message).ToList();
        lines.Count.ShouldBe(2);
        lines[0].ShouldContain("(1 time(s) since the last such line");
        lines[1].ShouldContain("(100 time(s) since the last such line");
        log.Entries.ShouldAllBe(e => e.Level == LogLevel.Warning && e.Exception == null);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
