namespace PasidLedger.Postgres.History;

/// <summary>
/// One entry of the history of an IOASID or a set: an event, or a refusal of a command that named it
/// (<paramref name="Rejected"/>, with its reason and errno). <paramref name="Type"/> is the event's
/// persisted name, or the refused command's type; <paramref name="DataJson"/> the event's body or the
/// refused command as stored.
/// </summary>
public sealed record SubjectHistoryEntry(
    long Version,
    DateTimeOffset Time,
    string Type,
    int? Generation,
    string? Caller,
    Guid? CorrelationId,
    Guid? CausationId,
    bool Rejected,
    string? Reason,
    int? Errno,
    string? Detail,
    string DataJson);

/// <summary>Whose history: one IOASID (optionally one generation of it) or one set.</summary>
public abstract record HistorySubject
{
    private HistorySubject()
    {
    }

    /// <summary>An IOASID, across all its generations unless <paramref name="Generation"/> narrows it.</summary>
    public sealed record OfIoasid(long Id, int? Generation) : HistorySubject;

    /// <summary>A set.</summary>
    public sealed record OfSet(int SetId) : HistorySubject;
}
