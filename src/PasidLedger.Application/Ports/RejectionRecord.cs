using PasidLedger.Domain.Errors;

namespace PasidLedger.Application.Ports;

/// <summary>A refused command kept for the audit trail; it never touches pool state.</summary>
/// <param name="Command">The command's type name and JSON, as the caller sent it.</param>
public sealed record RejectionRecord(
    string Pool,
    RejectionReason Reason,
    Errno Errno,
    bool Ignored,
    string Detail,
    string? Caller,
    string CommandType,
    string Command,
    DateTimeOffset RecordedAt,
    Guid CorrelationId);
