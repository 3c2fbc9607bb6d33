using System.Diagnostics;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>
/// Copies of the read-model rows a reply carries, taken inside the writer right after its command
/// was folded (the state moves on with the next command): the pool's capacity after a pool or
/// capacity call, the IOASID an IOASID call allocated or changed, the set a set call created or
/// changed with its members. Plain data, stored with the reply under an idempotency key.
/// </summary>
/// <param name="Members">The members of <paramref name="Set"/> in ascending ID order; empty without a set.</param>
public sealed record ReplyRows(CapacityView? Capacity, RefcountView? Ioasid, SetView? Set, IReadOnlyList<RefcountView> Members)
{
    /// <summary>A reply that says everything itself, or a refused command's.</summary>
    public static ReplyRows None { get; } = new(null, null, null, []);

    /// <summary>
    /// The rows of each command kind's reply, from the state after <paramref name="decision"/> was folded;
    /// none when the command was refused with an error (its caller gets the rejection).
    /// </summary>
    internal static ReplyRows Of(PoolState state, PoolCommand command, Decision decision) =>
        decision.Rejection is { Ignored: false } ? None : command switch
        {
            CreatePool or InstallCapacity or ReserveCapacity or CancelCapacity => new(ReadModelProjector.Capacity(state), null, null, []),
            AllocateIoasid => decision.Reply is IoasidGranted granted ? OfIoasid(state, granted.Id) : None,
            AcquireRef c => OfIoasid(state, c.Id),
            AcquireRefIfOwned c => OfIoasid(state, c.Id),
            AttachPrivate c => OfIoasid(state, c.Id),
            AttachSpid c => OfIoasid(state, c.Id),
            CreateSet => decision.Reply is SetAllocated allocated ? OfSet(state, allocated.SetId) : None,
            AdjustSetQuota c => OfSet(state, c.SetId),
            FreeSet c => OfSet(state, c.SetId),
            ReleaseSet c => OfSet(state, c.SetId),
            ReleaseRef or FreeIoasid or DetachPrivate or DetachSpid or AcquireRefBySpid or FreeAllInSet
                or RegisterNotifier or UnregisterNotifier or QueueWork or CompleteWork or AcknowledgeNotification => None,
            _ => throw new UnreachableException($"No reply rows are defined for {command.GetType().Name}."),
        };

    /// <inheritdoc />
    public bool Equals(ReplyRows? other) =>
        other is not null
        && (Capacity, Ioasid, Set) == (other.Capacity, other.Ioasid, other.Set)
        && Members.SequenceEqual(other.Members);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Capacity, Ioasid, Set, Members.Count);

    private static ReplyRows OfIoasid(PoolState state, uint id) =>
        state.Find(id) is { } record ? new(null, ReadModelProjector.Refcount(state, record), null, []) : None;

    private static ReplyRows OfSet(PoolState state, int setId) =>
        state.Sets.GetValueOrDefault(setId) is { } set
            ? new(null, null, ReadModelProjector.Set(state, set), [.. set.Members.Select(id => ReadModelProjector.Refcount(state, state.Find(id)!))])
            : None;
}
