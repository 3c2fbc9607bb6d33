using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Kvm;
using PasidLedger.Consumers.Vdcm;

namespace PasidLedger.Consumers.Hosting;

/// <summary>The components <c>pasidledger consumer</c> runs.</summary>
public static class ComponentKinds
{
    public static IReadOnlyList<ComponentKind> All { get; } =
    [
        ComponentKind.Of<KvmComponent, KvmMemory>("kvm", typeof(TearDownVm)),
        ComponentKind.Of<VdcmComponent, VdcmMemory>("vdcm", typeof(ProgramQueuePasid), typeof(ClearQueuePasid), typeof(RunDma), typeof(ReleaseDevice)),
    ];

    public static IEnumerable<string> Names => All.Select(kind => kind.Name);

    /// <summary>The kind called <paramref name="name"/>, or null.</summary>
    public static ComponentKind? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);
}
