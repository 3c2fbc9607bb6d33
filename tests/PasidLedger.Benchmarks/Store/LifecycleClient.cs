using System.Diagnostics;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// One caller cycling through an IOASID lifecycle in its own set, through the ledger's writers or a peer:
/// alloc, attach_spid, get, put, detach_spid, free. Each command waits for the previous one.
/// With an interval the caller is rate-limited and each latency is measured from the command's
/// scheduled start, so a late reply also delays, and is charged to, the commands behind it
/// (no coordinated omission).
/// </summary>
internal sealed class LifecycleClient(Func<CommandEnvelope, Task<CommandResult>> submit, int setId, string holder)
{
    private uint spid;
    private int step;
    private IoasidGranted? held;

    /// <summary>From each command's scheduled start to its reply.</summary>
    public LatencyLog Latencies { get; private set; } = new();

    /// <summary>From each command's submission to its reply: what the ledger alone took.</summary>
    public LatencyLog ServiceTimes { get; private set; } = new();

    public async Task RunAsync(TimeSpan duration, TimeSpan? interval, TimeSpan offset)
    {
        (Latencies, ServiceTimes) = (new LatencyLog(), new LatencyLog());
        var clock = Stopwatch.StartNew();
        for (var n = 0L; clock.Elapsed < duration; n++)
        {
            var scheduled = interval is { } every ? offset + (every * n) : clock.Elapsed;
            if (scheduled > clock.Elapsed)
            {
                await Task.Delay(scheduled - clock.Elapsed);
            }

            var submitted = clock.Elapsed;
            await NextAsync();
            Latencies.Add(clock.Elapsed - scheduled);
            ServiceTimes.Add(clock.Elapsed - submitted);
        }
    }

    private async Task NextAsync()
    {
        if (held is not { } h)
        {
            held = (IoasidGranted)(await SubmitAsync(Lifecycle.Allocate(setId))).Reply!;
            step = 0;
            return;
        }

        var command = Lifecycle.After(h, step++, setId, holder, ref spid);
        held = command is FreeIoasid ? null : held;
        await SubmitAsync(command);
    }

    private async Task<CommandResult> SubmitAsync(PoolCommand command)
    {
        var result = await submit(new CommandEnvelope(command, Caller: holder));
        return result.Failed
            ? throw new InvalidOperationException($"{command} was refused ({result.Reason}: {result.Detail}); the benchmark is broken")
            : result;
    }
}
