using System.Globalization;

using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Tests.Support;

/// <summary>Notifications as DOMAIN.md 9 writes them: <c>K:ALLOC(1,INV)</c>.</summary>
public static class Notices
{
    /// <summary>Each recipient of each <see cref="NotificationPublished"/>, flattened in delivery order.</summary>
    public static IReadOnlyList<string> Delivered(IEnumerable<PoolEvent> events) =>
    [
        .. events.OfType<NotificationPublished>()
            .SelectMany(n => n.Recipients.Select(recipient => $"{recipient}:{Kind(n.Kind)}({n.Id},{Spid(n.Spid)})")),
    ];

    /// <summary>The expected record of one notification (generation 1, no private data unless given).</summary>
    public static NotificationPublished Published(
        NotificationKind kind, uint id, uint spid, int setId, NotifyFlags flags, string[] recipients, int generation = 1, string? data = null) =>
        new(kind, id, generation, spid, setId, data, flags, recipients);

    private static string Kind(NotificationKind kind) => kind.ToString().ToUpperInvariant();

    private static string Spid(uint spid) =>
        spid == Ioasid.Invalid ? "INV" : spid.ToString(CultureInfo.InvariantCulture);
}
