using System.Text.Json.Serialization;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Deciding;

/// <summary>
/// What the kernel call would return, alongside the events. An idempotency key stores it under the
/// persisted name below (like <see cref="Events.EventNames"/>, never the CLR name), so the names
/// must not change once used.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Acknowledged), "acknowledged.v1")]
[JsonDerivedType(typeof(CapacityChanged), "capacity.changed.v1")]
[JsonDerivedType(typeof(SetAllocated), "set.allocated.v1")]
[JsonDerivedType(typeof(SetReleased), "set.released.v1")]
[JsonDerivedType(typeof(SetFreedAll), "set.freed-all.v1")]
[JsonDerivedType(typeof(IoasidGranted), "ioasid.granted.v1")]
[JsonDerivedType(typeof(RefsChanged), "ioasid.refs-changed.v1")]
[JsonDerivedType(typeof(FreeOutcome), "ioasid.free-outcome.v1")]
[JsonDerivedType(typeof(NotifierAdded), "notifier.added.v1")]
[JsonDerivedType(typeof(SpidResolved), "spid.resolved.v1")]
[JsonDerivedType(typeof(WorkAccepted), "work.accepted.v1")]
public abstract record CommandReply;

/// <summary>Success with nothing to return (the kernel's 0 or void).</summary>
public sealed record Acknowledged : CommandReply
{
    public static Acknowledged Instance { get; } = new();
}

/// <summary>A capacity call: <paramref name="Count"/> moved, <paramref name="Available"/> left.</summary>
public sealed record CapacityChanged(long Count, long Available) : CommandReply;

/// <summary><c>set_alloc</c> returned a set.</summary>
public sealed record SetAllocated(int SetId) : CommandReply;

/// <summary><c>set_release</c> left the set in <paramref name="Lifecycle"/>.</summary>
public sealed record SetReleased(int SetId, SetLifecycle Lifecycle, int Reclaimed, int FreePending) : CommandReply;

/// <summary><c>free_all_in_set</c> results.</summary>
public sealed record SetFreedAll(int SetId, int Reclaimed, int FreePending) : CommandReply;

/// <summary><c>alloc</c> returned an ID.</summary>
public sealed record IoasidGranted(uint Id, int Generation) : CommandReply;

/// <summary>A get or put; <paramref name="Reclaimed"/> is put's boolean.</summary>
public sealed record RefsChanged(uint Id, int Refs, bool Reclaimed) : CommandReply;

/// <summary>The outcome of <c>free</c>.</summary>
public sealed record FreeOutcome(FreeResult Result) : CommandReply;

/// <summary>A registration was made.</summary>
public sealed record NotifierAdded(int NotifierId, bool Active) : CommandReply;

/// <summary><c>find_by_spid</c>: the host ID, or null for INVALID.</summary>
public sealed record SpidResolved(uint? Id) : CommandReply;

/// <summary><c>queue_work</c>'s boolean.</summary>
public sealed record WorkAccepted(bool Queued) : CommandReply;
