namespace PasidLedger.Postgres.Events;

/// <summary>An event as read back from the <c>events</c> table.</summary>
/// <param name="Seq">Global insertion sequence. Not commit order: follow a stream by <paramref name="Version"/>.</param>
/// <param name="EventId">Unique id of the event.</param>
/// <param name="StreamId">The stream, e.g. <c>pool-host-a</c>.</param>
/// <param name="Version">Position in the stream, contiguous from 1.</param>
/// <param name="Pool">The pool the stream belongs to.</param>
/// <param name="Type">Persisted event name, e.g. <c>ioasid.allocated.v1</c>.</param>
/// <param name="BodyJson">The serialized event.</param>
/// <param name="Ioasid">The IOASID the event is about, if any.</param>
/// <param name="Generation">The generation of that IOASID, if any.</param>
/// <param name="SetId">The IOASID set the event is about, if any.</param>
/// <param name="Token">The set's token, if any.</param>
/// <param name="RecordedAt">When the event happened.</param>
/// <param name="CorrelationId">Id of the request that led to the event.</param>
/// <param name="CausationId">Id of the message or work item that caused the event.</param>
public sealed record StoredEvent(
    long Seq,
    Guid EventId,
    string StreamId,
    long Version,
    string Pool,
    string Type,
    string BodyJson,
    long? Ioasid,
    int? Generation,
    int? SetId,
    string? Token,
    DateTimeOffset RecordedAt,
    Guid? CorrelationId,
    Guid? CausationId);
