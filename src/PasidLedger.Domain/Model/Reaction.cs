namespace PasidLedger.Domain.Model;

/// <summary>An immediate reaction declared by a registration: on <paramref name="On"/>, do <paramref name="Action"/>.</summary>
/// <param name="On">The notification kind that triggers it.</param>
/// <param name="Action">What the handler does.</param>
/// <param name="Holder">Reference holder name for get/put; the registration's name when null.</param>
public sealed record Reaction(NotificationKind On, ReactionAction Action, string? Holder = null);
