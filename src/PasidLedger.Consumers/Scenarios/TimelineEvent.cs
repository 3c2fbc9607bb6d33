namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// One public ledger message (docs/wire-format.md §6) as a timeline needs it: the common fields and the event fields a
/// lifecycle timeline shows. Fields an event does not have stay null; everything else in the body is ignored.
/// </summary>
public sealed record TimelineEvent(
    string Type,
    string Pool,
    long Version,
    DateTimeOffset Time,
    string? Caller,
    Guid EventId,
    uint? Id,
    int? Generation,
    int? SetId,
    string? Holder,
    int? Refs,
    string? Kind,
    uint? Spid,
    IReadOnlyList<string>? Recipients,
    string? WorkId,
    string? By,
    Guid? NotificationEventId,
    string? Recipient);
