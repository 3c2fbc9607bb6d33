namespace PasidLedger.Domain.Commands;

/// <summary><c>alloc(set, min, max, private)</c> (DOMAIN.md 2.3).</summary>
public sealed record AllocateIoasid(int SetId, uint Min, uint Max, string? Private) : PoolCommand;

/// <summary>
/// <c>get(set, id)</c>; <paramref name="SetId"/> null is the kernel-internal unchecked form.
/// <paramref name="Generation"/>, when given, rejects a stale handle (R18).
/// </summary>
public sealed record AcquireRef(uint Id, string Holder, int? SetId, int? Generation = null) : PoolCommand;

/// <summary><c>get_if_owned(id)</c> for the calling process <paramref name="Caller"/> (an mm token).</summary>
public sealed record AcquireRefIfOwned(uint Id, string Holder, string? Caller, int? Generation = null) : PoolCommand;

/// <summary><c>put(set, id)</c> by <paramref name="Holder"/>.</summary>
public sealed record ReleaseRef(uint Id, string Holder, int? SetId, int? Generation = null) : PoolCommand;

/// <summary><c>free(set, id)</c>; a null set never owns anything (D12).</summary>
public sealed record FreeIoasid(uint Id, int? SetId, int? Generation = null) : PoolCommand;

/// <summary><c>attach_data(id, data)</c> (DOMAIN.md 2.4).</summary>
public sealed record AttachPrivate(uint Id, string Data, int? Generation = null) : PoolCommand;

/// <summary><c>detach_data(id)</c>.</summary>
public sealed record DetachPrivate(uint Id, int? Generation = null) : PoolCommand;

/// <summary><c>attach_spid(id, spid)</c>: emits BIND.</summary>
public sealed record AttachSpid(uint Id, uint Spid, int? Generation = null) : PoolCommand;

/// <summary><c>detach_spid(id)</c>: emits UNBIND carrying the SPID.</summary>
public sealed record DetachSpid(uint Id, int? Generation = null) : PoolCommand;

/// <summary><c>find_by_spid(set, spid, get = true)</c>: the lookup that takes a reference for <paramref name="Holder"/>.</summary>
public sealed record AcquireRefBySpid(int SetId, uint Spid, string Holder) : PoolCommand;
