using System.Diagnostics;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// A thread of its own, outside the thread pool, that asks to sleep 1 ms at a time and notes each time it
/// woke more than <see cref="Threshold"/> late. When it is late at the same time as the clients, the whole
/// process (or the machine under it) stopped, not the ledger's write path.
/// </summary>
internal sealed class StallWatch : IDisposable
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(10);
    private readonly Thread thread;
    private volatile bool stopping;

    public StallWatch()
    {
        thread = new Thread(Watch) { IsBackground = true, Name = "stall watch", Priority = ThreadPriority.Highest };
        thread.Start();
    }

    /// <summary>How often the thread woke more than 10 ms late.</summary>
    public int Stalls { get; private set; }

    /// <summary>The latest it woke, beyond the 1 ms it asked for.</summary>
    public TimeSpan Longest { get; private set; }

    public void Dispose()
    {
        stopping = true;
        thread.Join();
    }

    private void Watch()
    {
        var clock = Stopwatch.StartNew();
        while (!stopping)
        {
            var before = clock.Elapsed;
            Thread.Sleep(1);
            var late = clock.Elapsed - before - TimeSpan.FromMilliseconds(1);
            if (late > Threshold)
            {
                Stalls++;
                Longest = late > Longest ? late : Longest;
            }
        }
    }
}
