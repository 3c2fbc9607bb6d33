using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Commands;

/// <summary><c>set_alloc(token, quota, type)</c> (DOMAIN.md 2.2).</summary>
public sealed record CreateSet(SetType Type, string? Token, long Quota) : PoolCommand;

/// <summary><c>adjust_set(set, quota)</c>, v3 administrative semantics.</summary>
public sealed record AdjustSetQuota(int SetId, long Quota) : PoolCommand;

/// <summary><c>set_free(set)</c>: only an empty set.</summary>
public sealed record FreeSet(int SetId) : PoolCommand;

/// <summary><c>set_release(set)</c>: the owner is going away (DOMAIN.md 3.5).</summary>
public sealed record ReleaseSet(int SetId) : PoolCommand;

/// <summary><c>free_all_in_set(set)</c>.</summary>
public sealed record FreeAllInSet(int SetId) : PoolCommand;
