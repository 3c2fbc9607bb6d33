using System.Text.Json;
using PasidLedger.Bus.Relay;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Model;
using NotificationPublished = PasidLedger.Domain.Events.NotificationPublished;
using WorkCompleted = PasidLedger.Domain.Events.WorkCompleted;
using WorkQueued = PasidLedger.Domain.Events.WorkQueued;

namespace PasidLedger.Bus.Tests.Relay;

/// <summary>
/// What the relay sends for each event, in the wire format: the public message first, then one notification
/// per recipient in the recorded order, and a RunWork when the event put a work item at the head of the queue.
/// </summary>
public sealed class LedgerRelayMessagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notification_goes_to_each_recipient_in_order_after_its_public_message_with_a_delivery_id_each()
    {
        var (feed, publisher) = (new MemoryFeed(), new RecordingPublisher());
        feed.Append("a", new NotificationPublished(NotificationKind.Bind, 42, 1, 7, 3, null, NotifyFlags.None, ["kvm:A", "vdcm:0"]));

        await new PoolRelay("a", feed, new LedgerRelayMessages(), publisher).DrainAsync(Ct);

        var sent = publisher.Confirmed;
        var eventId = (await feed.ReadAsync("a", 0, 1, Ct))[0].EventId;
        sent.Select(m => (m.Exchange, m.RoutingKey)).ShouldBe(
            [(Exchanges.Events, "a.notification.published.v1"), (Exchanges.Notifications, "a.kvm:A"), (Exchanges.Notifications, "a.vdcm:0")]);
        sent[0].MessageId.ShouldBe(eventId);
        sent.Skip(1).Select(m => m.MessageId).ShouldBe([MessageIds.ForDelivery(eventId, "kvm:A"), MessageIds.ForDelivery(eventId, "vdcm:0")]);
        sent.Select(m => m.Queue).ShouldBe([null, "kvm:A.a.notifications", "vdcm:0.a.notifications"], "a recipient's queue waits for it; public messages go to whoever bound");
        var second = JsonSerializer.Deserialize<Notification>(sent[2].Body.Span, JsonSerializerOptions.Web)!;
        (second.Kind, second.Id, second.Spid, second.SetId, second.Position, second.ChainLength, second.Version).ShouldBe(("bind", 42u, 7u, 3, 2, 2, 1L));
        sent.ShouldAllBe(m => m.Headers[HeaderNames.Pool] == "a" && m.Headers[HeaderNames.Version] == "1" && m.Headers[HeaderNames.Type] == m.Type);
    }

    [Fact]
    public async Task RunWork_goes_to_an_items_owner_when_it_reaches_the_head_of_the_queue_and_not_before()
    {
        var (feed, publisher) = (new MemoryFeed(), new RecordingPublisher());
        feed.Append("a",
            new WorkQueued("w1", "iommu:host", 5, NotificationKind.Free),
            new WorkQueued("w2", "vdcm:0", 6, null),
            new WorkCompleted("w1"),
            new WorkCompleted("w2"));

        await new PoolRelay("a", feed, new LedgerRelayMessages(), publisher).DrainAsync(Ct);

        var runs = publisher.Confirmed.Where(m => m.Exchange == Exchanges.Work).ToList();
        runs.Select(m => m.RoutingKey).ShouldBe(["a.iommu:host", "a.vdcm:0"]);
        runs.Select(m => m.Queue).ShouldBe(["iommu:host.a.work", "vdcm:0.a.work"]);
        var first = JsonSerializer.Deserialize<RunWork>(runs[0].Body.Span, JsonSerializerOptions.Web)!;
        (first.WorkId, first.Id, first.Cause, first.By, first.ReadyVersion).ShouldBe(("w1", 5u, "free", "iommu:host", 1L));
        JsonSerializer.Deserialize<RunWork>(runs[1].Body.Span, JsonSerializerOptions.Web)!.ReadyVersion.ShouldBe(3, "w2 reached the head when w1 completed");
    }

    [Fact]
    public async Task A_relay_that_starts_from_a_checkpoint_knows_the_queue_as_it_stood_there()
    {
        var (feed, publisher) = (new MemoryFeed(), new RecordingPublisher());
        feed.Append("a", new WorkQueued("w1", "iommu:host", 5, null), new WorkQueued("w2", "vdcm:0", 6, null), new WorkCompleted("w1"));
        await feed.SaveCheckpointAsync(PoolRelay.Reader, "a", 2, Ct);

        await new PoolRelay("a", feed, new LedgerRelayMessages(), publisher).DrainAsync(Ct);

        publisher.Confirmed.Where(m => m.Exchange == Exchanges.Work).ShouldHaveSingleItem().RoutingKey.ShouldBe("a.vdcm:0");
    }
}
