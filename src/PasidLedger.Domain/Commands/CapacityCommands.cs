namespace PasidLedger.Domain.Commands;

/// <summary><c>install_capacity(total)</c> (DOMAIN.md 2.1).</summary>
public sealed record InstallCapacity(long Total) : PoolCommand;

/// <summary><c>reserve_capacity(n)</c>; 0 reserves everything left.</summary>
public sealed record ReserveCapacity(long Count) : PoolCommand;

/// <summary><c>cancel_capacity(n)</c>.</summary>
public sealed record CancelCapacity(long Count) : PoolCommand;
