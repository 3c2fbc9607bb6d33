using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PasidLedger.Application.Ports;

namespace PasidLedger.Bus.Relay;

/// <summary>
/// Runs the relay of every pool this instance holds the lease of. Every <see cref="Poll"/> it looks
/// for pools nobody relays (new pools, or those of an instance that died) and takes their leases, then
/// drains every pool it leads; between polls an append signal drains just that pool at once.
/// </summary>
public sealed partial class RelayCoordinator(
    IEventFeed feed, IRelayLeases leases, IAppendSignals signals, Func<string, PoolRelay> relayOf, TimeProvider clock,
    ILogger<RelayCoordinator> log) : BackgroundService
{
    /// <summary>How often leases are looked for, and every led pool is drained whatever the signals said.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, PoolRelay> led = new(StringComparer.Ordinal); // read by Led from other threads
    private readonly Channel<string> wake = Channel.CreateUnbounded<string>(); // not SingleReader: that one cannot count

    private readonly HashSet<string> failingPools = new(StringComparer.Ordinal);
    private bool failing;

    /// <summary>The pools this instance relays now.</summary>
    public IReadOnlyCollection<string> Led => [.. led.Keys];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ForwardSignalsAsync(stoppingToken);
        var nextPoll = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var round = clock.GetUtcNow() >= nextPoll;
            try
            {
                if (round)
                {
                    nextPoll = clock.GetUtcNow() + Poll;
                    await TakeFreeLeasesAsync(stoppingToken).ConfigureAwait(false);
                }

                await DrainAsync(round ? null : Signalled(), stoppingToken).ConfigureAwait(false);
                if (failing)
                {
                    failing = false;
                    Recovered(log);
                }
            }
            catch (RelayLeasesLostException lost)
            {
                LeasesLost(log, lost.Message);
                led.Clear();
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // Looking for leases failed (the store): the next round looks again. One warning per outage, not one per round (R7).
                if (!failing)
                {
                    RoundFailed(log, failure.Message);
                }

                failing = true;
            }

            await WaitAsync(nextPoll - clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        }

        await listening.ConfigureAwait(false);
    }

    private async Task TakeFreeLeasesAsync(CancellationToken ct)
    {
        foreach (var pool in await feed.PoolsAsync(ct).ConfigureAwait(false))
        {
            if (!led.ContainsKey(pool) && await leases.TryTakeAsync(pool, ct).ConfigureAwait(false))
            {
                led[pool] = relayOf(pool);
                Leading(log, pool);
            }
        }
    }

    /// <summary>
    /// Drains <paramref name="pools"/> (every led pool when null) that this instance leads. A pool that fails does not
    /// hold up the others: it is tried again next round from its checkpoint, with one warning until it sends again.
    /// </summary>
    private async Task DrainAsync(HashSet<string>? pools, CancellationToken ct)
    {
        var everything = pools is null || pools.Contains(IAppendSignals.Everything);
        foreach (var relay in led.Values.Where(relay => everything || pools!.Contains(relay.Pool)).ToList())
        {
            try
            {
                await relay.DrainAsync(ct).ConfigureAwait(false);
                if (failingPools.Remove(relay.Pool))
                {
                    PoolRecovered(log, relay.Pool);
                }
            }
            catch (Exception failure) when (!ct.IsCancellationRequested)
            {
                if (failingPools.Add(relay.Pool))
                {
                    PoolFailed(log, relay.Pool, failure.Message);
                }
            }
        }
    }

    /// <summary>The pools signalled since the last look.</summary>
    private HashSet<string> Signalled()
    {
        var pools = new HashSet<string>(StringComparer.Ordinal);
        while (wake.Reader.TryRead(out var pool))
        {
            pools.Add(pool);
        }

        return pools;
    }

    /// <summary>Until a signal arrives or <paramref name="timeout"/> has passed.</summary>
    private async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (timeout <= TimeSpan.Zero || wake.Reader.Count > 0)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wake.Reader.WaitToReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // the poll is due
        }
    }

    private async Task ForwardSignalsAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var pool in signals.AppendedAsync(ct).ConfigureAwait(false))
            {
                wake.Writer.TryWrite(pool);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaying pool {Pool}")]
    private static partial void Leading(ILogger logger, string pool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The relay lost its leases and takes them again: {Reason}")]
    private static partial void LeasesLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The relay cannot look for pools; it tries again every round: {Reason}")]
    private static partial void RoundFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The relay looks for pools again")]
    private static partial void Recovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The relay cannot send pool {Pool}; it tries again every round from its checkpoint: {Reason}")]
    private static partial void PoolFailed(ILogger logger, string pool, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The relay sends pool {Pool} again")]
    private static partial void PoolRecovered(ILogger logger, string pool);
}
