using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>The ordered work queue (V4 13/18, DOMAIN.md 4.6).</summary>
internal static class WorkDecisions
{
    public static Decision Queue(PoolState state, QueueWork command)
    {
        if (string.IsNullOrWhiteSpace(command.WorkId) || string.IsNullOrWhiteSpace(command.By))
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "work needs an id and an owner");
        }

        if (state.IsWorkQueued(command.WorkId))
        {
            return Decision.Ignored(RejectionReason.WorkAlreadyQueued, Errno.EBUSY, $"{command.WorkId} is already queued", new WorkAccepted(false));
        }

        return new([new WorkQueued(command.WorkId, command.By, command.Id, null)], new WorkAccepted(true), null, []);
    }

    public static Decision Complete(PoolState state, CompleteWork command)
    {
        if (!state.IsWorkQueued(command.WorkId))
        {
            return Decision.Error(RejectionReason.UnknownWork, Errno.ENOENT, $"{command.WorkId} is not queued");
        }

        var head = state.Work[0];
        if (head.WorkId != command.WorkId)
        {
            return Decision.Error(RejectionReason.WorkNotAtHead, Errno.EBUSY, $"{head.WorkId} runs first");
        }

        return new([new WorkCompleted(command.WorkId)], Acknowledged.Instance, null, []);
    }
}
