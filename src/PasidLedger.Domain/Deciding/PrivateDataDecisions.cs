using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary><c>attach_data</c> / <c>detach_data</c> (DOMAIN.md 2.4).</summary>
internal static class PrivateDataDecisions
{
    public static Decision Attach(PoolState state, AttachPrivate command)
    {
        var (record, refusal) = IoasidDecisions.Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: false);
        refusal ??= command.Data is null
            ? Rejection.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "attach_data needs data; use detach_data to clear")
            : null;
        refusal ??= record!.Private is not null
            ? Rejection.Error(RejectionReason.PrivateDataPresent, Errno.EBUSY, $"IOASID {record.Id} already has private data; detach first")
            : null;
        return refusal is not null
            ? Decision.Rejected(refusal)
            : new([new PrivateAttached(record!.Id, record.Generation, command.Data!)], Acknowledged.Instance, null, []);
    }

    public static Decision Detach(PoolState state, DetachPrivate command)
    {
        var (record, refusal) = IoasidDecisions.Handle(state, command.Id, command.Generation, Errno.ENOENT, ignoreUnknown: true);
        refusal ??= record!.Private is null
            ? Rejection.Ignore(RejectionReason.NoPrivateData, Errno.ENOENT, $"IOASID {record.Id} has no private data")
            : null;
        return refusal is not null
            ? Decision.Rejected(refusal, refusal.Ignored ? Acknowledged.Instance : null)
            : new([new PrivateDetached(record!.Id, record.Generation)], Acknowledged.Instance, null, []);
    }
}
