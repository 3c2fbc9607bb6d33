namespace PasidLedger.Contracts.V1;

/// <summary>
/// One notification (ALLOC, FREE, BIND or UNBIND, DOMAIN.md 4.1, 4.4) to one recipient, sent by the relay to
/// <see cref="Exchanges.Notifications"/> for each recipient of a <c>notification.published.v1</c> event, in the
/// recorded chain order (<paramref name="Position"/> 1 of <paramref name="ChainLength"/> first). The recipient
/// does its work, sends its commands (causation: <paramref name="EventId"/>), then
/// <see cref="AcknowledgeNotificationCommand"/>. Message id: <see cref="MessageIds.ForDelivery"/>(EventId, Recipient).
/// </summary>
/// <param name="Kind"><c>alloc</c>, <c>free</c>, <c>bind</c> or <c>unbind</c>.</param>
/// <param name="Pool">The pool that published it.</param>
/// <param name="Version">The pool stream version of the <c>notification.published.v1</c> event.</param>
/// <param name="EventId">The id of that event.</param>
/// <param name="CorrelationId">The correlation id of that event, to carry on the commands the recipient sends.</param>
/// <param name="Time">When the event was recorded.</param>
/// <param name="Id">The host IOASID.</param>
/// <param name="Generation">The IOASID's generation: reference commands send it back so a stale handle is refused.</param>
/// <param name="Spid">The set-private ID (guest PASID), or null for INVALID (ALLOC; BIND and UNBIND carry it).</param>
/// <param name="SetId">The owning set.</param>
/// <param name="Private">The IOASID's private data at the time, or null.</param>
/// <param name="Recipient">The registration name this copy is for (the notifier's name).</param>
/// <param name="Position">This recipient's place in the recorded order, from 1.</param>
/// <param name="ChainLength">How many recipients the notification has.</param>
public sealed record Notification(
    string Kind,
    string Pool,
    long Version,
    Guid EventId,
    Guid CorrelationId,
    DateTimeOffset Time,
    uint Id,
    int Generation,
    uint? Spid,
    int SetId,
    string? Private,
    string Recipient,
    int Position,
    int ChainLength)
{
    /// <summary>The message type (AMQP <c>type</c> and <see cref="HeaderNames.Type"/>).</summary>
    public const string MessageType = "delivery.notification.v1";
}
