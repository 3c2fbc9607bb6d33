using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;

namespace PasidLedger.Domain.Deciding;

/// <summary>
/// The answer to one command: the events to append (empty when rejected), the kernel-style
/// reply, the rejection if any (<see cref="Errors.Rejection.Ignored"/> for "ignored" paths)
/// and reactions that were refused inside the chain.
/// </summary>
public sealed record Decision(
    IReadOnlyList<PoolEvent> Events,
    CommandReply? Reply,
    Rejection? Rejection,
    IReadOnlyList<ReactionRejection> ReactionRejections)
{
    public bool IsRejected => Rejection is not null;

    public static Decision Rejected(Rejection rejection, CommandReply? reply = null) =>
        new([], reply, rejection, []);

    public static Decision Error(RejectionReason reason, Errno errno, string detail) =>
        Rejected(Errors.Rejection.Error(reason, errno, detail));

    public static Decision Ignored(RejectionReason reason, Errno errno, string detail, CommandReply? reply = null) =>
        Rejected(Errors.Rejection.Ignore(reason, errno, detail), reply);
}
