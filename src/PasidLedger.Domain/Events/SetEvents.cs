using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Events;

/// <summary>A set was allocated; <paramref name="Available"/> is <c>capacity_avail</c> after the quota was reserved.</summary>
public sealed record SetCreated(int SetId, SetType Type, string? Token, long Quota, long Available) : PoolEvent;

/// <summary><c>adjust_set</c> (v3 semantics, DOMAIN.md 2.2).</summary>
public sealed record SetQuotaAdjusted(int SetId, long Quota, long Available) : PoolEvent;

/// <summary>The owner released the set while members remain (DOMAIN.md 3.5).</summary>
public sealed record SetClosing(int SetId, int Members) : PoolEvent;

/// <summary>The set is gone; its quota went back to the pool exactly once (R15).</summary>
public sealed record SetDestroyed(int SetId, string Reason, long QuotaReturned, long Available) : PoolEvent;
