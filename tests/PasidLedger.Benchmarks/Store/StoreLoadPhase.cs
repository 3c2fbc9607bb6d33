using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// One phase of <see cref="StoreLoad"/>: all clients at once, flat out or at a total rate. Besides
/// the process CPU it counts the part the JIT took (tier-1 recompilation still runs seconds into
/// a short load, and would otherwise be charged to the write path), the bytes allocated, and the
/// time the garbage collector paused the process (a stall seen from the schedule but not from
/// submit to reply is then told apart from one in the database), and how late a thread outside the
/// thread pool woke (<see cref="StallWatch"/>: a stop of the whole process or machine).
/// </summary>
internal sealed record StoreLoadPhase(long Commands, double Seconds, double P50, double P99, double Max, double ServiceP99,
    double ServiceMax, TimeSpan Cpu, TimeSpan Jit, long Allocated, TimeSpan GcPause, int Gen2Collections, int Stalls, TimeSpan LongestStall)
{
    public double Rate => Commands / Seconds;

    public static async Task<StoreLoadPhase> RunAsync(LifecycleClient[] clients, TimeSpan duration, double? totalRate)
    {
        // Rate-limited: each client gets an equal share, started evenly staggered across one interval.
        TimeSpan? interval = totalRate is { } rate ? TimeSpan.FromSeconds(clients.Length / rate) : null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = JitInfo.GetCompilationTime();
        var allocated = GC.GetTotalAllocatedBytes();
        var (gcPause, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var watch = new StallWatch();
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(clients.Select((client, i) => Task.Run(() =>
                client.RunAsync(duration, interval, interval is { } every ? every * i / clients.Length : TimeSpan.Zero))));
        }
        finally
        {
            watch.Dispose(); // its counts are read after it stopped
        }

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        jit = JitInfo.GetCompilationTime() - jit;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        (gcPause, gen2) = (GC.GetTotalPauseDuration() - gcPause, GC.CollectionCount(2) - gen2);
        var (p50, p99, max) = LatencyLog.Percentiles(clients.Select(c => c.Latencies));
        var service = LatencyLog.Percentiles(clients.Select(c => c.ServiceTimes));
        return new StoreLoadPhase(clients.Sum(c => (long)c.Latencies.Count), clock.Elapsed.TotalSeconds, p50, p99, max, service.P99,
            service.Max, cpu, jit, allocated, gcPause, gen2, watch.Stalls, watch.Longest);
    }

    public string Describe()
    {
        var commands = Math.Max(Commands, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Commands} commands in {Seconds:F1} s = {Rate:F0} commands/s; latency p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms (p99 submit to reply {ServiceP99:F2} ms, max {ServiceMax:F1} ms); "
            + $"this process used {Cpu.TotalMilliseconds * 1000 / commands:F0} us CPU per command "
            + $"(of which JIT {Jit.TotalMilliseconds * 1000 / commands:F0} us) and allocated {Allocated / commands:F0} B per command; "
            + $"GC paused it {GcPause.TotalMilliseconds:F0} ms in all ({Gen2Collections} gen2 collections); "
            + $"a watch thread woke over 10 ms late {Stalls} times, at most {LongestStall.TotalMilliseconds:F1} ms");
    }
}
