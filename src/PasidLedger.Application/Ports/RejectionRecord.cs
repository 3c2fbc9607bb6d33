using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Application.Ports;

/// <summary>A refused command kept for the audit trail; it never touches pool state.</summary>
/// <param name="Command">The command's type name and JSON, as the caller sent it.</param>
/// <param name="Version">The stream version the refusal was decided at: it comes after that event in history.</param>
/// <param name="Subject">The IOASID, generation and set the command names.</param>
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
    Guid CorrelationId,
    long Version,
    CommandSubject Subject);
