namespace PasidLedger.Domain.Events;

/// <summary><c>install_capacity(total)</c> took effect (DOMAIN.md 2.1).</summary>
public sealed record CapacityInstalled(long Total) : PoolEvent;

/// <summary><c>reserve_capacity</c> took <paramref name="Count"/>; <paramref name="Available"/> is what is left.</summary>
public sealed record CapacityReserved(long Count, long Available) : PoolEvent;

/// <summary><c>cancel_capacity</c> gave back <paramref name="Count"/>.</summary>
public sealed record CapacityCancelled(long Count, long Available) : PoolEvent;
