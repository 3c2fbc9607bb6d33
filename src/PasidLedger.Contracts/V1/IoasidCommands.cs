namespace PasidLedger.Contracts.V1;

// Allocation, reference and free commands (DOMAIN.md 2.3): sent by a VM's client or a consumer (holding
// references under its own name) to the ledger on Exchanges.Commands, each answered with a CommandResult
// (its Ioasid; Release for a put; Outcome for a free). A Generation, when given, refuses a stale handle (R18).

/// <summary><c>alloc(set, min, max, private)</c>. Like <c>POST sets/{setId}/ioasids</c>.</summary>
public sealed record AllocateIoasidCommand(string Pool, int SetId, uint Min, uint Max, string? Private)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.allocate-ioasid.v1";
}

/// <summary><c>get(set, id)</c> for <paramref name="Holder"/> (the sender's own name); a null set is the unchecked form.</summary>
public sealed record AcquireRefCommand(string Pool, uint Id, string Holder, int? SetId, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.acquire-ref.v1";
}

/// <summary><c>get_if_owned(id)</c>: the calling process is the token's principal, as over HTTP (<c>ifOwned</c>).</summary>
public sealed record AcquireRefIfOwnedCommand(string Pool, uint Id, string Holder, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.acquire-ref-if-owned.v1";
}

/// <summary><c>put(set, id)</c> by <paramref name="Holder"/>; the ID is reclaimed at zero.</summary>
public sealed record ReleaseRefCommand(string Pool, uint Id, string Holder, int? SetId, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.release-ref.v1";
}

/// <summary><c>free(set, id)</c>: drop the allocation reference; FREE_PENDING until the last reference goes.</summary>
public sealed record FreeIoasidCommand(string Pool, uint Id, int? SetId, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.free-ioasid.v1";
}
