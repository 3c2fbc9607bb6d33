using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Kvm;

/// <summary>KVM's saved state: the VM's guest → host PASID translation table.</summary>
public sealed class KvmMemory : ComponentMemory
{
    /// <summary>Guest PASID → host PASID and its generation.</summary>
    public SortedDictionary<uint, HostPasid> Table { get; init; } = [];
}
