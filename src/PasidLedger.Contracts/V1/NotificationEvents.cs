namespace PasidLedger.Contracts.V1;

// The public message of a notification (DOMAIN.md 4), sent by the relay on Exchanges.Events; each recipient
// also gets its own Notification on Exchanges.Notifications.

/// <summary>
/// A notification with its recipients in delivery order. <paramref name="Kind"/>: <c>alloc</c>|<c>free</c>|<c>bind</c>|<c>unbind</c>;
/// <paramref name="Spid"/> 4294967295 is INVALID; <paramref name="Flags"/>: <c>all</c>, <c>set</c> or <c>all, set</c>.
/// </summary>
public sealed record NotificationPublished(string Kind, uint Id, int Generation, uint Spid, int SetId, string? Private, string Flags,
    IReadOnlyList<string> Recipients) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "notification.published.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>
/// A recipient acknowledged a notification (<see cref="AcknowledgeNotificationCommand"/>), recorded once per
/// (<paramref name="NotificationEventId"/>, <paramref name="Recipient"/>): the <c>eventId</c> and <c>version</c> of
/// the <see cref="NotificationPublished"/> it answers, with its <paramref name="Kind"/>, <paramref name="Id"/> and
/// <paramref name="Generation"/>. It changes nothing in the pool.
/// </summary>
public sealed record NotificationAcknowledged(Guid NotificationEventId, long NotificationVersion, string Recipient, string Kind, uint Id,
    int Generation) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "notification.acknowledged.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}
