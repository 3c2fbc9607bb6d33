namespace PasidLedger.Benchmarks.Store;

/// <summary>Latencies of one client; merged and ranked after a phase.</summary>
internal sealed class LatencyLog
{
    private readonly List<TimeSpan> latencies = new(1 << 16);

    public int Count => latencies.Count;

    public void Add(TimeSpan latency) => latencies.Add(latency);

    /// <summary>Nearest-rank percentiles in milliseconds over all clients' logs.</summary>
    public static (double P50, double P99, double Max) Percentiles(IEnumerable<LatencyLog> logs)
    {
        var all = logs.SelectMany(log => log.latencies).Order().ToArray();
        if (all.Length == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double At(double p) => all[Math.Clamp((int)Math.Ceiling(p * all.Length) - 1, 0, all.Length - 1)].TotalMilliseconds;
        return (At(0.50), At(0.99), all[^1].TotalMilliseconds);
    }
}
