using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Iommu;
using PasidLedger.Consumers.Kvm;
using PasidLedger.Consumers.Vdcm;
using PasidLedger.Consumers.Vfio;

namespace PasidLedger.Consumers.Hosting;

/// <summary>The components <c>pasidledger consumer</c> runs.</summary>
public static class ComponentKinds
{
    public static IReadOnlyList<ComponentKind> All { get; } =
    [
        ComponentKind.Of<IommuComponent, IommuMemory>("iommu", typeof(BindDevice), typeof(UnbindDevice)),
        ComponentKind.Of<KvmComponent, KvmMemory>("kvm", typeof(TearDownVm)),
        ComponentKind.Of<VdcmComponent, VdcmMemory>("vdcm", typeof(ProgramQueuePasid), typeof(ClearQueuePasid), typeof(RunDma), typeof(ReleaseDevice)),
        ComponentKind.Of<VfioComponent, VfioMemory>("vfio", typeof(BindGuestPasid), typeof(UnbindGuestPasid))
            .With(services => services.AddSingleton<IIommuDriver, IommuDriverClient>()),
    ];

    public static IEnumerable<string> Names => All.Select(kind => kind.Name);

    /// <summary>The kind called <paramref name="name"/>, or null.</summary>
    public static ComponentKind? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);
}
