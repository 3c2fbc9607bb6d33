using System.Collections.Concurrent;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// Logs a kind of failure that clients can repeat at will (DOMAIN.md R7) at most once per window, as one
/// Warning line without a stack trace that counts what came since the last line, so no client can
/// flood the log. The first failure of a quiet window is logged at once.
/// </summary>
public sealed class RepeatedFailureLog(ILogger<RepeatedFailureLog> logger, TimeProvider clock)
{
    /// <summary>How often a repeated failure is logged at most.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Tally> tallies = new(StringComparer.Ordinal);

    public void Record(string kind, string detail)
    {
        var tally = tallies.GetOrAdd(kind, _ => new Tally());
        var now = clock.GetUtcNow();
        long count;
        lock (tally)
        {
            tally.Count++;
            if (tally.LoggedAt is { } last && now - last < Window)
            {
                return;
            }

            (count, tally.Count, tally.LoggedAt) = (tally.Count, 0, now);
        }

        logger.LogWarning("{Kind}: {Detail} ({Count} time(s) since the last such line, logged at most every {Window} s)",
            kind, detail, count, Window.TotalSeconds);
    }

    private sealed class Tally
    {
        public long Count { get; set; }

        public DateTimeOffset? LoggedAt { get; set; }
    }
}
