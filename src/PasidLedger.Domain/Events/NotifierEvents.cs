using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Events;

/// <summary>A notifier registration; <paramref name="Active"/> tells whether it joined a chain at once.</summary>
public sealed record NotifierRegistered(
    int NotifierId,
    string Name,
    NotifierScope Scope,
    int? SetId,
    string? Token,
    Priority Priority,
    string? Endpoint,
    IReadOnlyList<Reaction> Reactions,
    bool Active) : PoolEvent
{
    /// <inheritdoc />
    public bool Equals(NotifierRegistered? other) =>
        other is not null
        && (NotifierId, Name, Scope, SetId, Token, Priority, Endpoint, Active) ==
           (other.NotifierId, other.Name, other.Scope, other.SetId, other.Token, other.Priority, other.Endpoint, other.Active)
        && Reactions.SequenceEqual(other.Reactions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NotifierId, Name, Scope, Active);
}

/// <summary>A pending mm registration joined the chain of the set created for its token.</summary>
public sealed record NotifierActivated(int NotifierId, int SetId) : PoolEvent;

/// <summary>The set of an mm registration was destroyed; it waits on the pending list again.</summary>
public sealed record NotifierDeactivated(int NotifierId, int SetId) : PoolEvent;

/// <summary>The registration was removed from the pending list and any chain.</summary>
public sealed record NotifierUnregistered(int NotifierId) : PoolEvent;
