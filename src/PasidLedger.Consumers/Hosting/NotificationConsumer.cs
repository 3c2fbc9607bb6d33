using MassTransit;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// Receives this consumer's notifications (its queue <see cref="QueueNames.Notifications"/>, in stream order), lets the
/// component handle each once, then acknowledges it to the ledger. A repeat is acknowledged again (the ledger records
/// one acknowledgement per notification and recipient) and changes nothing else.
/// </summary>
public sealed class NotificationConsumer(ILedgerComponent component, Delivery delivery) : IConsumer<Notification>
{
    public Task Consume(ConsumeContext<Notification> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notification = context.Message;
        var deliveryId = context.MessageId ?? MessageIds.ForDelivery(notification.EventId, notification.Recipient);
        return delivery.TakeAsync(deliveryId, () => component.OnNotificationAsync(notification, deliveryId, context.CancellationToken),
            new AcknowledgeNotificationCommand(notification.Pool, notification.EventId, notification.Recipient),
            AcknowledgeNotificationCommand.MessageType, "ack", notification.EventId, context.CancellationToken);
    }
}
