namespace PasidLedger.Postgres.Rejections;

/// <summary>A refused command, to be kept as an audit record; it never changes pool state.</summary>
/// <param name="Pool">The pool the command was for.</param>
/// <param name="Reason">The service reason code, e.g. <c>StaleHandle</c>.</param>
/// <param name="Errno">The Linux errno the kernel would return, e.g. 22 for EINVAL.</param>
/// <param name="Caller">Who sent the command, if known.</param>
/// <param name="CommandJson">The command as received.</param>
/// <param name="CorrelationId">Id of the request, if any.</param>
/// <param name="RecordedAt">When the command was refused; time arrives with the command.</param>
public sealed record RejectionToRecord(
    string Pool,
    string Reason,
    int Errno,
    string? Caller,
    string CommandJson,
    Guid? CorrelationId,
    DateTimeOffset RecordedAt);
