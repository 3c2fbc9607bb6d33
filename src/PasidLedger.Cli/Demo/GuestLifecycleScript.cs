using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// Guest SVA with a free before unbind (DOMAIN.md 5.5 steps 1–10, then 5.7): KVM and VDCM
/// register by mm before the set exists, the guest binds, VDCM programs a work queue, QEMU
/// frees H while everyone still holds it, and the holders' cleanup reclaims it.
/// </summary>
internal static class GuestLifecycleScript
{
    public const string Vm = "mm:vmA";
    public const uint H = 1;
    private const uint G = 101;

    public static IReadOnlyList<DemoStep> Steps(string pool) =>
    [
        new("ops", "create pool", new CreatePool(pool)),
        new("IOMMU", "register_notifier(NULL, prio IOMMU)", new RegisterNotifier("iommu", NotifierScope.Global, null, null, Priority.Iommu, "queue:iommu",
            [new Reaction(NotificationKind.Free, ReactionAction.QueueWork)])),
        new("KVM", "register_notifier_mm(vmA, prio CPU)", new RegisterNotifier("kvm:vmA", NotifierScope.Mm, null, Vm, Priority.Cpu, "queue:kvm",
            [new Reaction(NotificationKind.Bind, ReactionAction.Get), new Reaction(NotificationKind.Unbind, ReactionAction.Put)])),
        new("VDCM", "register_notifier_mm(vmA, prio DEVICE)", new RegisterNotifier("vdcm:vmA", NotifierScope.Mm, null, Vm, Priority.Device, "queue:vdcm",
            [new Reaction(NotificationKind.Unbind, ReactionAction.QueueWork)])),
        new("QEMU", "open /dev/ioasid → set_alloc(vmA, 0, MM)", new CreateSet(SetType.Mm, Vm, 0)),
        new("QEMU", "REQUEST_ALLOC → H", new AllocateIoasid(0, 1, 0xFFFFF, null)),
        new("VFIO", "bind(H, G, dev1): get_if_owned(H)", new AcquireRefIfOwned(H, "uapi", Vm)),
        new("IOMMU", "first device: attach_spid(H, G)", new AttachSpid(H, G)),
        new("IOMMU", "attach_data(H, rec)", new AttachPrivate(H, "svm:H")),
        new("IOMMU", "get(NULL, H)", new AcquireRef(H, "iommu", null)),
        new("VFIO", "put(NULL, H)", new ReleaseRef(H, "uapi", null)),
        new("VDCM", "guest programs G into a DWQ: find_by_spid(VA, G, get)", new AcquireRefBySpid(0, G, "vdcm:vmA")),
        new("QEMU", "REQUEST_FREE(H) before unbind", new FreeIoasid(H, 0)),
        new("IOMMU", "W1: tear down entries, drain; detach_spid(H)", new DetachSpid(H)),
        new("IOMMU", "W1: detach_data(H)", new DetachPrivate(H)),
        new("IOMMU", "W1: put(NULL, H)", new ReleaseRef(H, "iommu", null)),
        new("IOMMU", "W1 done", new CompleteWork($"iommu:free:{H}.1")),
        new("VDCM", "W2: clear hardware for H; put", new ReleaseRef(H, "vdcm:vmA", null)),
        new("VDCM", "W2 done", new CompleteWork($"vdcm:vmA:unbind:{H}.1")),
        new("VFIO", "late unbind(H, dev1): get_if_owned(H)", new AcquireRefIfOwned(H, "uapi", Vm)),
        new("QEMU", "close /dev/ioasid → set_release(VA)", new ReleaseSet(0)),
    ];
}
