namespace PasidLedger.Domain.Events;

/// <summary>An ID was handed out with the allocation ("core") reference.</summary>
public sealed record IoasidAllocated(uint Id, int Generation, int SetId, uint Min, uint Max, string? Private) : PoolEvent;

/// <summary>A holder took a reference; <paramref name="Refs"/> is the count after.</summary>
public sealed record RefAcquired(uint Id, int Generation, string Holder, int Refs) : PoolEvent;

/// <summary>A holder dropped a reference; <paramref name="Refs"/> is the count after.</summary>
public sealed record RefReleased(uint Id, int Generation, string Holder, int Refs) : PoolEvent;

/// <summary><c>free</c>: FREE_PENDING and the allocation reference dropped; <paramref name="Refs"/> remain.</summary>
public sealed record FreeRequested(uint Id, int Generation, int SetId, int Refs) : PoolEvent;

/// <summary>References reached zero: the number went back to the pool (DOMAIN.md 3.3).</summary>
public sealed record IoasidReclaimed(uint Id, int Generation, int SetId) : PoolEvent;

/// <summary><c>attach_data</c>.</summary>
public sealed record PrivateAttached(uint Id, int Generation, string Data) : PoolEvent;

/// <summary><c>detach_data</c> cleared present data.</summary>
public sealed record PrivateDetached(uint Id, int Generation) : PoolEvent;

/// <summary><c>attach_spid</c>.</summary>
public sealed record SpidAttached(uint Id, int Generation, int SetId, uint Spid) : PoolEvent;

/// <summary><c>detach_spid</c>; the UNBIND notification before it carries the same SPID (V4 order).</summary>
public sealed record SpidDetached(uint Id, int Generation, int SetId, uint Spid) : PoolEvent;
