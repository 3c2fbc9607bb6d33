using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Pool creation and capacity (DOMAIN.md 2.1).</summary>
internal static class CapacityDecisions
{
    public static Decision Create(PoolState state, CreatePool command)
    {
        if (state.IsCreated)
        {
            // Creating it again is idempotent; with other options it is another pool, which cannot take this name.
            return command.Options is { } options && options != state.Options
                ? Decision.Error(RejectionReason.PoolOptionsConflict, Errno.EEXIST,
                    $"pool {state.Name} already exists with dispatch {state.Options.Dispatch} and autoDestroyWhenEmpty "
                    + $"{state.Options.AutoDestroyWhenEmpty}; options are fixed at creation")
                : new([], Acknowledged.Instance, null, []);
        }

        if (string.IsNullOrWhiteSpace(command.Pool))
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "a pool needs a name");
        }

        return new([new PoolCreated(command.Pool, command.Options ?? Model.PoolOptions.Default)], Acknowledged.Instance, null, []);
    }

    public static Decision Install(PoolState state, InstallCapacity command)
    {
        if (command.Total < 1 || command.Total > Ioasid.MaxCapacity)
        {
            return Decision.Error(RejectionReason.InvalidCapacity, Errno.EINVAL, $"capacity must be within [1, {Ioasid.MaxCapacity}]");
        }

        if (state.CapacityInstalled)
        {
            // The kernel compares with the default only, then warns "already set" (DOMAIN.md 2.1).
            return Decision.Ignored(RejectionReason.CapacityAlreadySet, Errno.EBUSY, $"capacity already set to {state.Capacity}",
                new CapacityChanged(0, state.Available));
        }

        if (state.Available != state.Capacity || state.Sets.Values.Any(set => !set.IsDestroyed))
        {
            // Model hardening (S71): the kernel would overwrite capacity_avail under existing reservations.
            return Decision.Error(RejectionReason.CapacityInUse, Errno.EBUSY, "sets or reservations exist");
        }

        return new([new CapacityInstalled(command.Total)], new CapacityChanged(command.Total, command.Total), null, []);
    }

    public static Decision Reserve(PoolState state, ReserveCapacity command)
    {
        if (command.Count < 0)
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "count must not be negative");
        }

        var count = command.Count == 0 ? state.Available : command.Count;
        if (count > state.Available)
        {
            return Decision.Error(RejectionReason.CapacityExhausted, Errno.ENOSPC, $"{count} requested, {state.Available} available");
        }

        var left = state.Available - count;
        return new([new CapacityReserved(count, left)], new CapacityChanged(count, left), null, []);
    }

    public static Decision Cancel(PoolState state, CancelCapacity command)
    {
        if (command.Count < 0)
        {
            return Decision.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "count must not be negative");
        }

        if (command.Count > state.Capacity - state.Available) // n + avail > capacity, without overflowing n
        {
            return Decision.Error(RejectionReason.CancelExceedsCapacity, Errno.EINVAL,
                $"{command.Count} + {state.Available} exceeds capacity {state.Capacity}");
        }

        // Model hardening: only reservations can be cancelled, never capacity a set quota holds; otherwise
        // that quota would come back twice when the set is destroyed (P1, R15).
        var reserved = state.Capacity - state.Available - state.Sets.Values.Where(s => !s.IsDestroyed).Sum(s => s.Quota);
        if (command.Count > reserved)
        {
            return Decision.Error(RejectionReason.CancelExceedsReserved, Errno.EINVAL,
                $"{command.Count} exceeds the {reserved} reserved; set quotas are returned by destroying the set");
        }

        var available = state.Available + command.Count;
        return new([new CapacityCancelled(command.Count, available)], new CapacityChanged(command.Count, available), null, []);
    }
}
