using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Kvm;

/// <summary>KVM's saved state: the VM's guest → host PASID translation table.</summary>
public sealed class KvmMemory : ComponentMemory
{
    /// <summary>Guest PASID → host PASID and its generation.</summary>
    public SortedDictionary<uint, HostPasid> Table { get; init; } = [];

    /// <summary>
    /// References whose entry was removed and whose put has not been answered yet: saved with the removal, so a KVM
    /// killed between the two still puts them (with the same command id) when it runs again.
    /// </summary>
    public List<OwedPut> Owed { get; init; } = [];
}
