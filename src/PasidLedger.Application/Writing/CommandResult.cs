using PasidLedger.Domain.Errors;

namespace PasidLedger.Application.Writing;

/// <summary>
/// What a caller gets back for a command, and what is stored under its idempotency key:
/// the rejection (if any), the shaped reply body as JSON, the stream version after it, and for
/// keyed commands the <see cref="CommandFingerprint"/> a retry must match.
/// </summary>
public sealed record CommandResult(
    RejectionReason? Reason,
    Errno Errno,
    bool Ignored,
    string? Detail,
    string? BodyJson,
    long Version,
    bool Replayed = false,
    string? Fingerprint = null)
{
    /// <summary>True when the command was refused with an error (not merely ignored).</summary>
    public bool Failed => Reason is not null && !Ignored;
}
