namespace PasidLedger.Contracts.V1;

// Public messages of pool and capacity events (DOMAIN.md 2.1), sent by the relay on Exchanges.Events.

/// <summary>The pool stream's first event (the pool's name is the common <c>pool</c>).</summary>
public sealed record PoolCreated(PoolOptions Options) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "pool.created.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>install_capacity(total)</c> took effect.</summary>
public sealed record CapacityInstalled(long Total) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "capacity.installed.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>reserve_capacity</c> took <paramref name="Count"/>; <paramref name="Available"/> is left.</summary>
public sealed record CapacityReserved(long Count, long Available) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "capacity.reserved.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>cancel_capacity</c> gave back <paramref name="Count"/>.</summary>
public sealed record CapacityCancelled(long Count, long Available) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "capacity.cancelled.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}
