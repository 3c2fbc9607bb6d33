namespace PasidLedger.Contracts.V1;

/// <summary>
/// A recipient tells the ledger it has handled a <see cref="Notification"/> (its local work done, its
/// commands sent), sent like every command to <see cref="Exchanges.Commands"/> with the recipient's token and
/// answered with a <see cref="CommandResult"/> when it names a <c>reply_to</c>. The ledger finds the notification
/// by <paramref name="EventId"/> in <paramref name="Pool"/> and records a <see cref="NotificationAcknowledged"/> once
/// per (<paramref name="EventId"/>, <paramref name="Recipient"/>), whatever the message id: a repeat answers the first
/// result, replayed, and appends nothing.
/// </summary>
/// <param name="Pool">The notification's pool.</param>
/// <param name="EventId">The notification's <see cref="Notification.EventId"/>.</param>
/// <param name="Recipient">The notification's <see cref="Notification.Recipient"/>.</param>
public sealed record AcknowledgeNotificationCommand(string Pool, Guid EventId, string Recipient)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.acknowledge-notification.v1";
}
