using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Application.Ports;
using PasidLedger.Bus.Relay;

namespace PasidLedger.Bus.Tests.Relay;

/// <summary>The coordinator relays every pool it holds the lease of, and a pool that cannot be sent does not hold up the others.</summary>
public sealed class RelayCoordinatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pool_that_cannot_be_sent_does_not_hold_up_the_others()
    {
        var feed = new MemoryFeed();
        string[] pools = ["a", "b", "c", "d"];
        foreach (var pool in pools)
        {
            feed.Append(pool, 2);
        }

        var publisher = new RefusingTheFirstPool();
        using var coordinator = new RelayCoordinator(feed, new EveryLease(), new NoSignals(),
            pool => new PoolRelay(pool, feed, new OneMessagePerEvent(), publisher), TimeProvider.System, NullLogger<RelayCoordinator>.Instance);

        await coordinator.StartAsync(Ct);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30)); // a bound on waiting, not a measured time
        while (pools.Count(pool => feed.Checkpoint(pool) == 2) < 3)
        {
            await Task.Delay(10, patience.Token);
        }

        await coordinator.StopAsync(Ct);
        var refused = publisher.Refused!;
        feed.Checkpoint(refused).ShouldBe(0, "nothing of it was confirmed, so it is sent again next round");
        pools.Where(pool => pool != refused).ShouldAllBe(pool => feed.Checkpoint(pool) == 2);
        coordinator.Led.ShouldBe(pools, ignoreOrder: true);
    }

    /// <summary>Refuses every batch of the first pool it is sent (whichever the coordinator tries first), confirms the rest.</summary>
    private sealed class RefusingTheFirstPool : IRelayPublisher
    {
        public string? Refused { get; private set; }

        public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
        {
            var pool = messages[0].RoutingKey.Split('.')[0];
            Refused ??= pool;
            return pool == Refused ? Task.FromException(new IOException("the broker did not confirm")) : Task.CompletedTask;
        }
    }

    private sealed class EveryLease : IRelayLeases
    {
        public Task<bool> TryTakeAsync(string pool, CancellationToken ct) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class NoSignals : IAppendSignals
    {
        public async IAsyncEnumerable<string> AppendedAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            yield break;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
