using PasidLedger.Bus.Relay;

namespace PasidLedger.Bus.Tests.Relay;

/// <summary>A pool's relay sends in stream order, a batch at a time, and moves its checkpoint only past what the broker confirmed.</summary>
public sealed class PoolRelayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_sends_every_event_after_the_checkpoint_in_order_in_batches_and_moves_the_checkpoint_past_them()
    {
        var (feed, publisher) = (new MemoryFeed(), new RecordingPublisher());
        feed.Append("a", 7);
        await feed.SaveCheckpointAsync(PoolRelay.Reader, "a", 2, Ct);
        var relay = new PoolRelay("a", feed, new OneMessagePerEvent(), publisher, batchSize: 2);

        (await relay.DrainAsync(Ct)).ShouldBe(5);

        publisher.Confirmed.Select(m => m.RoutingKey).ShouldBe(["a.3", "a.4", "a.5", "a.6", "a.7"]);
        feed.Checkpoint("a").ShouldBe(7);
        (await relay.DrainAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_the_broker_did_not_confirm_is_sent_again_and_nothing_after_it_is_skipped()
    {
        var (feed, publisher) = (new MemoryFeed(), new RecordingPublisher());
        feed.Append("a", 3);
        var relay = new PoolRelay("a", feed, new OneMessagePerEvent(), publisher, batchSize: 2);
        publisher.Refusing = true;

        await Should.ThrowAsync<IOException>(() => relay.DrainAsync(Ct));
        feed.Checkpoint("a").ShouldBe(0);
        publisher.Refusing = false;
        feed.Append("a", 1);

        (await relay.DrainAsync(Ct)).ShouldBe(4);
        publisher.Confirmed.Select(m => m.RoutingKey).ShouldBe(["a.1", "a.2", "a.3", "a.4"]);
        feed.Checkpoint("a").ShouldBe(4);
    }
}
