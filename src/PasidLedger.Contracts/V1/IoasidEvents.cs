namespace PasidLedger.Contracts.V1;

// Public messages of IOASID events (DOMAIN.md 2.3, 2.4), sent by the relay on Exchanges.Events.

/// <summary>An ID was handed out with the allocation ("core") reference.</summary>
public sealed record IoasidAllocated(uint Id, int Generation, int SetId, uint Min, uint Max, string? Private) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.allocated.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>A holder took a reference; <paramref name="Refs"/> is the count after.</summary>
public sealed record RefAcquired(uint Id, int Generation, string Holder, int Refs) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.ref-acquired.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>A holder dropped a reference; <paramref name="Refs"/> is the count after.</summary>
public sealed record RefReleased(uint Id, int Generation, string Holder, int Refs) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.ref-released.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>free</c>: FREE_PENDING and the allocation reference dropped; <paramref name="Refs"/> remain.</summary>
public sealed record FreeRequested(uint Id, int Generation, int SetId, int Refs) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.free-requested.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary>References reached zero: the number went back to the pool.</summary>
public sealed record IoasidReclaimed(uint Id, int Generation, int SetId) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.reclaimed.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>attach_data</c>.</summary>
public sealed record PrivateAttached(uint Id, int Generation, string Data) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.private-attached.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>detach_data</c> cleared present data.</summary>
public sealed record PrivateDetached(uint Id, int Generation) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.private-detached.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>attach_spid</c>.</summary>
public sealed record SpidAttached(uint Id, int Generation, int SetId, uint Spid) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.spid-attached.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}

/// <summary><c>detach_spid</c>; the UNBIND notification before it carries the same SPID (V4 order).</summary>
public sealed record SpidDetached(uint Id, int Generation, int SetId, uint Spid) : PublicEvent
{
    /// <summary>The persisted event name.</summary>
    public const string EventName = "ioasid.spid-detached.v1";

    /// <inheritdoc />
    public override string Type => EventName;
}
