namespace PasidLedger.Contracts.V1;

// Private data and SPID commands (DOMAIN.md 2.4): sent by the IOMMU consumer (bind and unbind) or VDCM
// (find_by_spid with get) to the ledger on Exchanges.Commands, each answered with a CommandResult
// (its Ioasid for an attach, Outcome for a detach, Lookup for find_by_spid).

/// <summary><c>attach_data(id, data)</c>.</summary>
public sealed record AttachPrivateCommand(string Pool, uint Id, string Data, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.attach-private.v1";
}

/// <summary><c>detach_data(id)</c>; ignored when there is none.</summary>
public sealed record DetachPrivateCommand(string Pool, uint Id, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.detach-private.v1";
}

/// <summary><c>attach_spid(id, spid)</c>: BIND is notified.</summary>
public sealed record AttachSpidCommand(string Pool, uint Id, uint Spid, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.attach-spid.v1";
}

/// <summary><c>detach_spid(id)</c>: UNBIND is notified, carrying the SPID; ignored when there is none.</summary>
public sealed record DetachSpidCommand(string Pool, uint Id, int? Generation = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.detach-spid.v1";
}

/// <summary><c>find_by_spid(set, spid, get = true)</c>: the host ID bound to a guest PASID, with a reference for <paramref name="Holder"/>.</summary>
public sealed record AcquireRefBySpidCommand(string Pool, int SetId, uint Spid, string Holder)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.acquire-ref-by-spid.v1";
}
