using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Deciding;

/// <summary>An immediate reaction that was refused and not applied (e.g. <c>ChainedNotification</c>, S45).</summary>
public sealed record ReactionRejection(string Notifier, NotificationKind On, ReactionAction Action, uint Id, Rejection Rejection);
