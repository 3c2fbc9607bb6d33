namespace PasidLedger.Postgres.Rejections;

/// <summary>A refused command as read back from the <c>rejections</c> table.</summary>
/// <param name="Id">Insertion order of the record.</param>
/// <param name="Pool">The pool the command was for.</param>
/// <param name="Reason">The service reason code.</param>
/// <param name="Errno">The Linux errno.</param>
/// <param name="Caller">Who sent the command, if known.</param>
/// <param name="CommandJson">The command as received.</param>
/// <param name="CorrelationId">Id of the request, if any.</param>
/// <param name="RecordedAt">When the command was refused.</param>
public sealed record StoredRejection(
    long Id,
    string Pool,
    string Reason,
    int Errno,
    string? Caller,
    string CommandJson,
    Guid? CorrelationId,
    DateTimeOffset RecordedAt);
