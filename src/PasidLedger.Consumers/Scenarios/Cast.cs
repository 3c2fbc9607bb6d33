using PasidLedger.Consumers.Ledger;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// Who plays a guest-SVA scenario in one pool: one VM (its QEMU acts as <c>mm:&lt;vm&gt;</c>), its KVM, VFIO and one VDCM
/// device, and the host's IOMMU driver. The names are the principals of their tokens and their notifier and holder names.
/// </summary>
public sealed record Cast(string Pool, string Vm = "A", string Device = "dsa0", string Iommu = "iommu")
{
    public string Mm => $"mm:{Vm}";

    public string Kvm => $"kvm:{Vm}";

    public string Vfio => $"vfio:{Vm}";

    public string Vdcm => $"vdcm:{Device}";

    /// <summary>The four consumers: IOMMU, KVM, VDCM and VFIO.</summary>
    public IReadOnlyList<string> Components => [Iommu, Kvm, Vdcm, Vfio];

    /// <summary>The control queue of the component named <paramref name="name"/>.</summary>
    public Uri ControlOf(string name) => new($"queue:{LedgerLink.ControlQueueOf(Pool, name)}");
}
