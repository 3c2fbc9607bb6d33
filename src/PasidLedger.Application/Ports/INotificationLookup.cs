using PasidLedger.Domain.Events;

namespace PasidLedger.Application.Ports;

/// <summary>
/// Finds a notification by the id of its event (issue 11): an acknowledgement names the notification by
/// event id, the pool records it by stream version, and the pool state keeps no notifications.
/// </summary>
public interface INotificationLookup
{
    /// <summary>The <see cref="NotificationPublished"/> stored as event <paramref name="eventId"/> of <paramref name="pool"/>'s stream, or null when there is none.</summary>
    Task<PublishedNotification?> FindAsync(string pool, Guid eventId, CancellationToken ct);
}

/// <summary>A notification as stored: the stream version of its event, and the event.</summary>
public sealed record PublishedNotification(long Version, NotificationPublished Notification);
