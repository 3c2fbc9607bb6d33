using MassTransit;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// Receives this consumer's notifications (its queue <see cref="QueueNames.Notifications"/>, in stream order), lets the
/// component handle each once, then acknowledges it to the ledger. A repeat is acknowledged again (the ledger records
/// one acknowledgement per notification and recipient) and changes nothing else.
/// </summary>
public sealed class NotificationConsumer(ILedgerComponent component, ComponentGate gate, ILedgerCommands ledger) : IConsumer<Notification>
{
    public async Task Consume(ConsumeContext<Notification> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notification = context.Message;
        var deliveryId = context.MessageId ?? MessageIds.ForDelivery(notification.EventId, notification.Recipient);
        await gate.RunAsync(async () =>
        {
            if (!component.IsRepeat(deliveryId))
            {
                await component.OnNotificationAsync(notification, deliveryId, context.CancellationToken).ConfigureAwait(false);
                component.MarkHandled(deliveryId);
            }

            return await ledger.SendAsync(
                new AcknowledgeNotificationCommand(notification.Pool, notification.EventId, notification.Recipient),
                AcknowledgeNotificationCommand.MessageType,
                CommandIds.For(deliveryId, ledger.Name, "ack"),
                notification.EventId,
                context.CancellationToken).ConfigureAwait(false);
        }, context.CancellationToken).ConfigureAwait(false);
    }
}
