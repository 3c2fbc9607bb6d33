using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Vdcm;

/// <summary>VDCM's saved state for one device: what it learnt from ALLOC and BIND, its work queues' hardware, and its DMA.</summary>
public sealed class VdcmMemory : ComponentMemory
{
    /// <summary>The VM's set, from the first ALLOC or BIND; find_by_spid needs it.</summary>
    public int? SetId { get; set; }

    /// <summary>Guest PASID → host PASID, from BIND until UNBIND (bookkeeping only, DOMAIN.md 4.8).</summary>
    public SortedDictionary<uint, HostPasid> Bound { get; init; } = [];

    /// <summary>Work queue → the host PASID programmed into its hardware; each entry holds one reference.</summary>
    public SortedDictionary<string, HostPasid> Queues { get; init; } = [];

    /// <summary>The simulated DMA it ran, in order.</summary>
    public List<DmaRun> Runs { get; init; } = [];
}
