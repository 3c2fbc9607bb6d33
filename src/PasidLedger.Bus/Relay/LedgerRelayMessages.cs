using System.Text.Json;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain;
using PasidLedger.Domain.State;
using EventNames = PasidLedger.Domain.Events.EventNames;
using NotificationPublished = PasidLedger.Domain.Events.NotificationPublished;

namespace PasidLedger.Bus.Relay;

/// <summary>
/// The relay's messages in the wire format of <c>PasidLedger.Contracts.V1</c> (docs/wire-format.md): the
/// public message of every event, a <see cref="Notification"/> per recipient in the recorded order, and a
/// <see cref="RunWork"/> to the owner of the work item an event put at the head of the queue.
/// </summary>
public sealed class LedgerRelayMessages : IRelayMessages
{
    public IEnumerable<OutgoingMessage> MessagesOf(string pool, RecordedEvent recorded, WorkItem? becameHead)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var type = EventNames.Of(recorded.Event);
        yield return Message(Exchanges.Events, RoutingKeys.PublicEvent(pool, type), MessageIds.ForPublicEvent(recorded.EventId), type, pool, recorded,
            JsonSerializer.SerializeToUtf8Bytes(PublicEventBody.Of(pool, recorded), PublicEventBody.Wire));
        if (recorded.Event is NotificationPublished published)
        {
            for (var i = 0; i < published.Recipients.Count; i++)
            {
                var recipient = published.Recipients[i];
                var notification = new Notification(ViewNames.Of(published.Kind), pool, recorded.Version, recorded.EventId, recorded.CorrelationId,
                    recorded.RecordedAt, published.Id, published.Generation, published.Spid == Ioasid.Invalid ? null : published.Spid, published.SetId,
                    published.Private, recipient, i + 1, published.Recipients.Count);
                yield return Message(Exchanges.Notifications, RoutingKeys.Notification(pool, recipient), MessageIds.ForDelivery(recorded.EventId, recipient),
                    Notification.MessageType, pool, recorded, JsonSerializer.SerializeToUtf8Bytes(notification, PublicEventBody.Wire))
                    with
                { Queue = QueueNames.Notifications(pool, recipient) };
            }
        }

        if (becameHead is { } item)
        {
            var run = new RunWork(pool, item.WorkId, item.Id, item.Cause is { } cause ? ViewNames.Of(cause) : null, item.By, recorded.EventId, recorded.Version);
            yield return Message(Exchanges.Work, RoutingKeys.Work(pool, item.By), MessageIds.ForDelivery(recorded.EventId, item.By), RunWork.MessageType,
                pool, recorded, JsonSerializer.SerializeToUtf8Bytes(run, PublicEventBody.Wire)) with
            { Queue = QueueNames.Work(pool, item.By) };
        }
    }

    private static OutgoingMessage Message(string exchange, string routingKey, Guid id, string type, string pool, RecordedEvent recorded, byte[] body) =>
        new(exchange, routingKey, id, type, body, new Dictionary<string, string>
        {
            [HeaderNames.Type] = type,
            [HeaderNames.Pool] = pool,
            [HeaderNames.Version] = recorded.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
