namespace PasidLedger.Contracts.V1;

// Pool and capacity commands (DOMAIN.md 2.1): sent by an operator's client to the ledger on
// Exchanges.Commands, each answered with a CommandResult (its Capacity, or Reservation for a reserve).

/// <summary>Create the pool with its options (operator); again with the same options changes nothing. Like <c>PUT /v1/pools/{pool}</c>.</summary>
/// <param name="Dispatch"><c>perChainGlobalFirst</c> (the default when null) or <c>mergedByPriority</c>.</param>
/// <param name="AutoDestroyWhenEmpty">Destroy a live set when its last member is reclaimed; false when null.</param>
public sealed record CreatePoolCommand(string Pool, string? Dispatch = null, bool? AutoDestroyWhenEmpty = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.create-pool.v1";
}

/// <summary><c>install_capacity(total)</c> (operator); ignored once a capacity was installed.</summary>
public sealed record InstallCapacityCommand(string Pool, long Total)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.install-capacity.v1";
}

/// <summary><c>reserve_capacity(n)</c> (operator); 0 reserves everything left.</summary>
public sealed record ReserveCapacityCommand(string Pool, long Count)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.reserve-capacity.v1";
}

/// <summary><c>cancel_capacity(n)</c> (operator): give reserved IDs back.</summary>
public sealed record CancelCapacityCommand(string Pool, long Count)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.cancel-capacity.v1";
}
