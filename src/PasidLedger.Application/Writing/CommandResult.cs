using System.Text.Json.Serialization;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Application.Writing;

/// <summary>
/// What the writer answers for a command, and what is stored under its idempotency key
/// (<see cref="Serialization.ResultSerializer"/>): the kernel-style reply, the rejection (if any),
/// the rows the reply carries, the stream version after it, and for keyed commands the
/// <see cref="CommandFingerprint"/> a retry must match. Data only: the API turns it into a body.
/// </summary>
public sealed record CommandResult(
    CommandReply? Reply,
    RejectionReason? Reason,
    Errno Errno,
    bool Ignored,
    string? Detail,
    ReplyRows Rows,
    long Version,
    bool Replayed = false,
    string? Fingerprint = null)
{
    /// <summary>True when the command was refused with an error (not merely ignored); not stored, it follows from the rest.</summary>
    [JsonIgnore]
    public bool Failed => Reason is not null && !Ignored;

    /// <summary>The result of <paramref name="decision"/>, once folded into the stream at <paramref name="version"/>.</summary>
    public static CommandResult Of(Decision decision, ReplyRows rows, long version)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var rejection = decision.Rejection;
        return new(decision.Reply, rejection?.Reason, rejection?.Errno ?? Errno.None, rejection?.Ignored ?? false, rejection?.Detail,
            rows, version);
    }
}
