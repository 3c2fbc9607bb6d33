using System.Globalization;
using Npgsql;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// Deletes what is older than a configured retention window, every tenth of that window and at most every ten
/// minutes, off the write path: idempotency keys (<c>Ledger:IdempotencyRetention</c>, default one day) and the
/// audit of refusals (<c>Ledger:RefusalRetention</c>, default 90 days). A database that does not answer is
/// counted by <see cref="RepeatedFailureLog"/> and tried again at the next round.
/// </summary>
internal sealed class RetentionPruner(string what, Func<DateTimeOffset, CancellationToken, Task<long>> pruneBefore, TimeSpan retention,
    TimeProvider clock, RepeatedFailureLog failures) : BackgroundService
{
    public static readonly TimeSpan MinRetention = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The retention configured under <paramref name="setting"/> (a TimeSpan such as <c>1.00:00:00</c>, at least
    /// one minute), or <paramref name="fallback"/>; a malformed or too short value stops the service at start, naming the setting.
    /// </summary>
    public static TimeSpan Retention(IConfiguration configuration, string setting, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[setting];
        if (text is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var retention) && retention >= MinRetention
            ? retention
            : throw new InvalidOperationException($"{setting} must be a TimeSpan of at least {MinRetention} (e.g. 1.00:00:00 for a day); got '{text}'.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Min(retention.Ticks / 10, TimeSpan.FromMinutes(10).Ticks));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await pruneBefore(clock.GetUtcNow() - retention, stoppingToken).ConfigureAwait(false);
            }
            catch (NpgsqlException lost)
            {
                failures.Record($"{what}PruningFailed", lost.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
