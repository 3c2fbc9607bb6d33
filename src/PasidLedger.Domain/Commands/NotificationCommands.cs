using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Commands;

/// <summary>
/// A recipient has handled the notification recorded at <paramref name="NotificationVersion"/> as event
/// <paramref name="NotificationEventId"/> (docs/wire-format.md §7, §9). The pool keeps no notifications in its
/// state, so the service finds the notification and fills in its kind, ID and generation before it sends this.
/// </summary>
public sealed record AcknowledgeNotification(
    Guid NotificationEventId,
    long NotificationVersion,
    string Recipient,
    NotificationKind Kind,
    uint Id,
    int Generation) : PoolCommand;
