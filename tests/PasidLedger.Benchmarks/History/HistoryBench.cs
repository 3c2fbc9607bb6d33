using System.Diagnostics;
using System.Globalization;
using PasidLedger.Application.ReadModels;
using PasidLedger.Postgres;
using PasidLedger.Postgres.History;

namespace PasidLedger.Benchmarks.History;

/// <summary>
/// <c>history</c>: on a seeded pool stream (<c>rebuild-seed</c>), times the history of one IOASID and the
/// as-of view of one IOASID at one version, each for <c>--samples</c> random IDs (and versions), after
/// three untimed warm-up calls, and prints the medians. Usage: <c>history --connection CS --pool P [--samples 20]</c>.
/// </summary>
internal static class HistoryBench
{
    /// <summary>IDs in flight in the seeded lifecycle: allocation takes the lowest free ID, so they are 1…1000.</summary>
    private const int IdsInFlight = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection") ?? throw new InvalidOperationException("pass --connection");
        var pool = Option(args, "--pool") ?? throw new InvalidOperationException("pass --pool");
        var samples = int.Parse(Option(args, "--samples") ?? "20", CultureInfo.InvariantCulture);
        await using var dataSource = PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = connection });
        var history = new HistoryQueries(dataSource);
        var travel = new PoolTimeTravel(dataSource);
        var last = await history.StreamVersionAsync(pool, CancellationToken.None);
        var random = new Random(42);

        var histories = await TimeAsync(samples, async () =>
        {
            var entries = await history.SubjectAsync(pool, new HistorySubject.OfIoasid(random.Next(1, IdsInFlight + 1), null), null, CancellationToken.None);
            return entries.Count;
        });
        var views = await TimeAsync(samples, async () =>
        {
            var past = await travel.AtVersionAsync(pool, random.NextInt64(1, last + 1), CancellationToken.None)
                ?? throw new InvalidOperationException("a version within the stream had no state");
            return past.State.Find((uint)random.Next(1, IdsInFlight + 1)) is { } record ? ReadModelProjector.Refcount(past.State, record).Refs : 0;
        });

        Console.WriteLine($"pool {pool}: {last:N0} events; {samples} samples each after 3 warm-up calls");
        Console.WriteLine($"history of one IOASID: median {histories.Median:F1} ms, max {histories.Max:F1} ms, {histories.MedianRows:N0} entries at the median");
        Console.WriteLine($"as-of view of one IOASID at a random version: median {views.Median:F1} ms, max {views.Max:F1} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"history-result events={last} history_median_ms={histories.Median:F2} asof_median_ms={views.Median:F2}"));
        return 0;
    }

    private sealed record Timings(double Median, double Max, int MedianRows);

    private static async Task<Timings> TimeAsync(int samples, Func<Task<int>> call)
    {
        for (var i = 0; i < 3; i++)
        {
            await call();
        }

        var runs = new List<(double Ms, int Rows)>();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var rows = await call();
            runs.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows));
        }

        var sorted = runs.OrderBy(r => r.Ms).ToList();
        var median = sorted[sorted.Count / 2];
        return new Timings(median.Ms, sorted[^1].Ms, median.Rows);
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
