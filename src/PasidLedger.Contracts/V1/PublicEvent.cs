namespace PasidLedger.Contracts.V1;

/// <summary>
/// What every public message carries besides its event's own fields, all at the top level of the JSON body.
/// Public messages are sent by the relay to integrators on <see cref="Exchanges.Events"/>, one per ledger event,
/// in stream order per pool, with message id = <see cref="EventId"/> and routing key
/// <c>&lt;pool&gt;.&lt;type&gt;</c>. A base record rather than repeated fields because the eight common
/// fields would otherwise be written out in all 24 records; it holds no behaviour, and the JSON stays flat.
/// </summary>
public abstract record PublicEvent
{
    /// <summary>The event's persisted name, e.g. <c>ioasid.allocated.v1</c> (each record's <c>EventName</c>).</summary>
    public abstract string Type { get; }

    /// <summary>The pool whose stream holds the event.</summary>
    public required string Pool { get; init; }

    /// <summary>The event's version in the pool stream: 1, 2, 3, … without gaps.</summary>
    public required long Version { get; init; }

    /// <summary>When the event was recorded.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The authenticated principal whose command caused it; null for the service itself.</summary>
    public required string? Caller { get; init; }

    /// <summary>The event's id: the message id, and the key to drop a repeated delivery.</summary>
    public required Guid EventId { get; init; }

    /// <summary>The correlation id shared by the events of one command and those it led to.</summary>
    public required Guid CorrelationId { get; init; }

    /// <summary>The id of what caused the command (e.g. the notification event a consumer reacted to), if known.</summary>
    public Guid? CausationId { get; init; }
}
