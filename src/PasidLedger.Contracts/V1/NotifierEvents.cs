namespace PasidLedger.Contracts.V1;

// Public messages of notifier registration events (DOMAIN.md 2.5), sent by the relay on Exchanges.Events.

/// <summary>
/// A notifier registration; <paramref name="Scope"/> <c>global</c>|<c>set</c>|<c>mm</c>, <paramref name="Priority"/>
/// <c>cpu</c>|<c>iommu</c>|<c>device</c>|<c>last</c>; <paramref name="Active"/> tells whether it joined a chain at once.
/// </summary>
public sealed record NotifierRegistered(int NotifierId, string Name, string Scope, int? SetId, string? Token, string Priority,
    string? Endpoint, IReadOnlyList<Reaction> Reactions, bool Active) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "notifier.registered.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>A pending mm registration joined the chain of the set created for its token.</summary>
public sealed record NotifierActivated(int NotifierId, int SetId) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "notifier.activated.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>The set of an mm registration was destroyed; it waits on the pending list again.</summary>
public sealed record NotifierDeactivated(int NotifierId, int SetId) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "notifier.deactivated.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>The registration was removed from the pending list and any chain.</summary>
public sealed record NotifierUnregistered(int NotifierId) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "notifier.unregistered.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}
