using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Commands;

/// <summary>
/// <c>register_notifier(set | NULL, nb)</c> or <c>register_notifier_mm(mm, nb)</c> (DOMAIN.md 2.5).
/// <paramref name="Name"/> is the notifier block's identity.
/// </summary>
public sealed record RegisterNotifier(
    string Name,
    NotifierScope Scope,
    int? SetId,
    string? Token,
    Priority Priority,
    string? Endpoint,
    IReadOnlyList<Reaction> Reactions) : PoolCommand;

/// <summary><c>unregister_notifier</c> (via set) or <c>unregister_notifier_mm</c> (via mm).</summary>
public sealed record UnregisterNotifier(int NotifierId, UnregisterVia Via) : PoolCommand;
