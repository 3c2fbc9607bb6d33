using System.Diagnostics;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain;

/// <summary>The IOASID core as a decider: <see cref="Decide"/> is pure, <see cref="Evolve"/> folds events.</summary>
public static partial class Pool
{
    /// <summary>Answers a command with events or a rejection; reads <paramref name="state"/>, never writes it.</summary>
    public static Decision Decide(PoolState state, PoolCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (!state.IsCreated && command is not CreatePool)
        {
            return Decision.Error(RejectionReason.PoolNotCreated, Errno.ENOENT, "the pool does not exist");
        }

        if (CommandText.FirstMalformed(command) is { } field)
        {
            return Decision.Error(RejectionReason.MalformedText, Errno.EINVAL, $"{field} is not well-formed UTF-16 text, or holds U+0000");
        }

        return command switch
        {
            CreatePool c => CapacityDecisions.Create(state, c),
            InstallCapacity c => CapacityDecisions.Install(state, c),
            ReserveCapacity c => CapacityDecisions.Reserve(state, c),
            CancelCapacity c => CapacityDecisions.Cancel(state, c),
            CreateSet c => SetDecisions.Create(state, c),
            AdjustSetQuota c => SetDecisions.Adjust(state, c),
            FreeSet c => SetDecisions.Free(state, c),
            ReleaseSet c => SetDecisions.Release(state, c),
            FreeAllInSet c => SetDecisions.FreeAll(state, c),
            AllocateIoasid c => IoasidDecisions.Allocate(state, c),
            AcquireRef c => IoasidDecisions.Acquire(state, c),
            AcquireRefIfOwned c => IoasidDecisions.AcquireIfOwned(state, c),
            ReleaseRef c => IoasidDecisions.Release(state, c),
            FreeIoasid c => IoasidDecisions.Free(state, c),
            AttachPrivate c => PrivateDataDecisions.Attach(state, c),
            DetachPrivate c => PrivateDataDecisions.Detach(state, c),
            AttachSpid c => SpidDecisions.Attach(state, c),
            DetachSpid c => SpidDecisions.Detach(state, c),
            AcquireRefBySpid c => SpidDecisions.AcquireBySpid(state, c),
            RegisterNotifier c => NotifierDecisions.Register(state, c),
            UnregisterNotifier c => NotifierDecisions.Unregister(state, c),
            QueueWork c => WorkDecisions.Queue(state, c),
            CompleteWork c => WorkDecisions.Complete(state, c),
            AcknowledgeNotification c => NotificationDecisions.Acknowledge(state, c),
            _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
        };
    }

    /// <summary>Folds every event of a decision; returns the same state.</summary>
    public static PoolState EvolveAll(PoolState state, IEnumerable<PoolEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events is IReadOnlyList<PoolEvent> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Evolve(state, list[i]);
            }

            return state;
        }

        foreach (var @event in events)
        {
            Evolve(state, @event);
        }

        return state;
    }

    /// <summary>Replays a stream from the empty pool.</summary>
    public static PoolState Replay(IEnumerable<PoolEvent> events) => EvolveAll(new PoolState(), events);
}
