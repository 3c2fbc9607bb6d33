namespace PasidLedger.Contracts.V1;

// Public messages of set events (DOMAIN.md 2.2, 3.5), sent by the relay on Exchanges.Events.

/// <summary>
/// A set was allocated. <paramref name="SetType"/> (<c>mm</c>|<c>null</c>) is the stored event's <c>type</c>,
/// renamed because <c>type</c> is the message's name here; <paramref name="Available"/> is what the pool has left.
/// </summary>
public sealed record SetCreated(int SetId, string SetType, string? Token, long Quota, long Available) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "set.created.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>adjust_set</c> (v3 semantics).</summary>
public sealed record SetQuotaAdjusted(int SetId, long Quota, long Available) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "set.quota-adjusted.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>The owner released the set while <paramref name="Members"/> remain.</summary>
public sealed record SetClosing(int SetId, int Members) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "set.closing.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>The set is gone; its quota went back to the pool exactly once (R15).</summary>
public sealed record SetDestroyed(int SetId, string Reason, long QuotaReturned, long Available) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "set.destroyed.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}
