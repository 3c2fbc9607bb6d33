using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// Where and how the timeline table shows one public event: in the lane of whoever caused it (the holder of a reference,
/// the owner of a work item, the recipient of an acknowledgement, else the caller), except what the core does on its own
/// (notifications, FREE_PENDING, reclaim, a set closing or destroyed, a registration turning active or inactive).
/// </summary>
internal static class TimelineCell
{
    /// <summary>The lane and text of <paramref name="e"/>; null for an event a lifecycle table leaves out.</summary>
    public static (Lane Lane, string Text)? Of(TimelineEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Type switch
        {
            "set.created.v1" => (Lanes.OfPrincipal(e.Caller), $"set_alloc → set {e.SetId}"),
            "set.closing.v1" => (Lane.Core, $"set {e.SetId} CLOSING"),
            "set.destroyed.v1" => (Lane.Core, $"set {e.SetId} destroyed"),
            "ioasid.allocated.v1" => (Lanes.OfPrincipal(e.Caller), $"alloc → H={e.Id}"),
            "ioasid.ref-acquired.v1" => (Lanes.OfPrincipal(e.Holder), "get"),
            "ioasid.ref-released.v1" => (Lanes.OfPrincipal(e.Holder), "put"),
            "ioasid.free-requested.v1" => (Lane.Core, e.Refs > 0 ? "FREE_PENDING" : "freed"),
            "ioasid.reclaimed.v1" => (Lane.Core, $"H={e.Id} reclaimed"),
            "ioasid.private-attached.v1" => (Lanes.OfPrincipal(e.Caller), "attach_data"),
            "ioasid.private-detached.v1" => (Lanes.OfPrincipal(e.Caller), "detach_data"),
            "ioasid.spid-attached.v1" => (Lanes.OfPrincipal(e.Caller), $"attach_spid(G={e.Spid})"),
            "ioasid.spid-detached.v1" => (Lanes.OfPrincipal(e.Caller), "detach_spid"),
            "notification.published.v1" => (Lane.Core, $"{e.Kind?.ToUpperInvariant()} → {string.Join(", ", e.Recipients ?? [])}"),
            "notification.acknowledged.v1" => (Lanes.OfPrincipal(e.Recipient ?? e.Caller), $"ack {e.Kind?.ToUpperInvariant()}".TrimEnd()),
            "notifier.registered.v1" => (Lanes.OfPrincipal(e.Caller), "register_notifier"),
            "notifier.unregistered.v1" => (Lanes.OfPrincipal(e.Caller), "unregister_notifier"),
            "notifier.activated.v1" => (Lane.Core, "notifier ACTIVE"),
            "notifier.deactivated.v1" => (Lane.Core, "notifier INACTIVE"),
            // A queue_work reaction is the owner's, declared with its registration, even when it runs inside another caller's command.
            "work.queued.v1" => (Lanes.OfPrincipal(e.By ?? e.Caller), $"queue_work {Work(e.WorkId, e.By ?? e.Caller)}"),
            "work.completed.v1" => (Lanes.OfPrincipal(e.Caller), $"done {Work(e.WorkId, e.Caller)}"),
            _ => null,
        };
    }

    /// <summary>A work id without its owner's prefix, which the lane already shows (<c>iommu:free:1.1</c> → <c>free:1.1</c>).</summary>
    private static string? Work(string? workId, string? owner) =>
        owner is not null && workId?.StartsWith($"{owner}:", StringComparison.Ordinal) == true ? workId[(owner.Length + 1)..] : workId;
}
