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
