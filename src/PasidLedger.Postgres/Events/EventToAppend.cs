namespace PasidLedger.Postgres.Events;

/// <summary>
/// An event about to be appended to a stream: its persisted type name (e.g.
/// <c>ioasid.allocated.v1</c>), its JSON body and the columns history queries filter on.
/// </summary>
/// <param name="EventId">Unique id of the event; bus message ids are derived from it.</param>
/// <param name="Type">Persisted event name from the event registry, never a CLR type name.</param>
/// <param name="BodyJson">The serialized event, stored as <c>jsonb</c>.</param>
/// <param name="Ioasid">The IOASID the event is about, if any.</param>
/// <param name="Generation">The generation of that IOASID, if any.</param>
/// <param name="SetId">The IOASID set the event is about, if any.</param>
/// <param name="Token">The set's token, if any.</param>
/// <param name="CorrelationId">Id of the request that led to the event.</param>
/// <param name="CausationId">Id of the message or work item that caused the event.</param>
/// <param name="RecordedAt">When the event happened; time arrives with the command.</param>
public sealed record EventToAppend(
    Guid EventId,
    string Type,
    string BodyJson,
    long? Ioasid,
    int? Generation,
    int? SetId,
    string? Token,
    Guid? CorrelationId,
    Guid? CausationId,
    DateTimeOffset RecordedAt);
