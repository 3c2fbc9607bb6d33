using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Events;

/// <summary>
/// One notification with its recipients in delivery order (ARCHITECTURE.md 3): the
/// synchronous part of the kernel's atomic chain, recorded in the publishing transaction.
/// </summary>
public sealed record NotificationPublished(
    NotificationKind Kind,
    uint Id,
    int Generation,
    uint Spid,
    int SetId,
    string? Private,
    NotifyFlags Flags,
    IReadOnlyList<string> Recipients) : PoolEvent
{
    /// <inheritdoc />
    public bool Equals(NotificationPublished? other) =>
        other is not null
        && (Kind, Id, Generation, Spid, SetId, Private, Flags) ==
           (other.Kind, other.Id, other.Generation, other.Spid, other.SetId, other.Private, other.Flags)
        && Recipients.SequenceEqual(other.Recipients);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Id, Generation, Recipients.Count);
}

/// <summary>
/// A recipient acknowledged the notification recorded at <paramref name="NotificationVersion"/> as event
/// <paramref name="NotificationEventId"/>: an audit record, the pool state does not change.
/// </summary>
public sealed record NotificationAcknowledged(
    Guid NotificationEventId,
    long NotificationVersion,
    string Recipient,
    NotificationKind Kind,
    uint Id,
    int Generation) : PoolEvent;
