using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary>
/// A notifier block and where it is registered (DOMAIN.md 1.5). For mm registrations this is
/// also the pending-list record <c>{token, nb, active, set}</c>. <paramref name="ChainOrder"/>
/// is the insertion sequence into its current chain: equal priorities run in that order.
/// </summary>
public sealed record NotifierRegistration(
    int NotifierId,
    string Name,
    NotifierScope Scope,
    int? SetId,
    string? Token,
    Priority Priority,
    string? Endpoint,
    IReadOnlyList<Reaction> Reactions,
    bool Active,
    long ChainOrder);
