using System.Globalization;
using Npgsql;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// Deletes idempotency keys older than <c>Ledger:IdempotencyRetention</c> (default one day; a TimeSpan such as
/// <c>1.00:00:00</c>, at least one minute) every tenth of that window, at most every ten minutes. A database
/// that does not answer is counted by <see cref="RepeatedFailureLog"/> and tried again at the next round.
/// </summary>
internal sealed class IdempotencyPruner(IdempotencyPruning pruning, TimeSpan retention, TimeProvider clock, RepeatedFailureLog failures)
    : BackgroundService
{
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(1);

    public static readonly TimeSpan MinRetention = TimeSpan.FromMinutes(1);

    /// <summary>The configured retention; a malformed or too short value stops the service at start, naming the setting.</summary>
    public static TimeSpan Retention(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Ledger:IdempotencyRetention"];
        if (text is null)
        {
            return DefaultRetention;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var retention) && retention >= MinRetention
            ? retention
            : throw new InvalidOperationException(
                $"Ledger:IdempotencyRetention must be a TimeSpan of at least {MinRetention} (e.g. 1.00:00:00 for a day); got '{text}'.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Min(retention.Ticks / 10, TimeSpan.FromMinutes(10).Ticks));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await pruning.PruneAsync(clock.GetUtcNow() - retention, stoppingToken).ConfigureAwait(false);
            }
            catch (NpgsqlException lost)
            {
                failures.Record("IdempotencyPruningFailed", lost.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
