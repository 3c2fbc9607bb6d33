using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Acknowledgements of notifications: recorded, never acted on (issue 11).</summary>
internal static class NotificationDecisions
{
    public static Decision Acknowledge(PoolState state, AcknowledgeNotification command)
    {
        if (string.IsNullOrWhiteSpace(command.Recipient))
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "an acknowledgement names its recipient");
        }

        if (!Enum.IsDefined(command.Kind))
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL, $"{command.Kind} is not a notification kind");
        }

        if (command.NotificationVersion < 1 || command.NotificationVersion > state.Version)
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL,
                $"version {command.NotificationVersion} is not in the pool's stream (1 to {state.Version})");
        }

        return new([new NotificationAcknowledged(command.NotificationEventId, command.NotificationVersion, command.Recipient, command.Kind,
            command.Id, command.Generation)], Acknowledged.Instance, null, []);
    }
}
