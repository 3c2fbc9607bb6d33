using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary>An item of the ordered work queue (DOMAIN.md 2.5 <c>queue_work</c>).</summary>
public sealed record WorkItem(string WorkId, string By, uint? Id, NotificationKind? Cause);
