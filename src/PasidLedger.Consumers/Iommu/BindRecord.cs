namespace PasidLedger.Consumers.Iommu;

/// <summary>
/// One guest bind of host PASID <see cref="Id"/> (DOMAIN.md 4.8): the devices whose nested PASID entries point at it and
/// what the ledger holds for it. Each ledger step is saved as it finishes, and every step takes its command id from the
/// request that started the bind (<see cref="BoundBy"/>) or the teardown (<see cref="UnboundBy"/>), so a restarted driver
/// resumes either with the same ids and the ledger does nothing twice.
/// </summary>
public sealed class BindRecord
{
    public uint Id { get; init; }

    public int Generation { get; init; }

    /// <summary>The guest PASID, attached as the SPID at the first device.</summary>
    public uint Gpasid { get; init; }

    /// <summary>The bind request that created the record: the first device's steps take their ids from it.</summary>
    public Guid BoundBy { get; init; }

    /// <summary>The unbind request or cleanup work that tears the record down, once started.</summary>
    public Guid? UnboundBy { get; set; }

    /// <summary>The devices with a nested PASID entry for <see cref="Id"/>, in bind order.</summary>
    public List<string> Devices { get; init; } = [];

    /// <summary><c>attach_spid</c> done (BIND emitted), not yet detached.</summary>
    public bool SpidAttached { get; set; }

    /// <summary><c>attach_data</c> done, not yet detached.</summary>
    public bool DataAttached { get; set; }

    /// <summary>The driver's own reference (<c>get(NULL, H)</c>) taken, not yet put.</summary>
    public bool Referenced { get; set; }
}
