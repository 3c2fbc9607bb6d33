using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Tests.Support;

/// <summary>The fixtures of DOMAIN.md 9 as command lists for <see cref="Scenario.Given(PoolCommand[])"/>.</summary>
public static class Fixtures
{
    /// <summary>Capacity after F1's <c>VA = set_alloc(A, 8, MM)</c>.</summary>
    public const long AvailableAfterF1 = Ioasid.DefaultCapacity - 8;

    /// <summary>Set IDs: VA is the first set, VB the second.</summary>
    public const int VA = 0;
    public const int VB = 1;

    /// <summary>Registration IDs in F1, in registration order.</summary>
    public const int NotifierI = 1;
    public const int NotifierK = 2;
    public const int NotifierD = 3;

    /// <summary>F0: an empty pool with the default capacity.</summary>
    public static PoolCommand[] F0(PoolOptions? options = null) => [new CreatePool("host-a", options)];

    /// <summary>F1: recorders I (global, IOMMU), K and D (by mm A, CPU and DEVICE), then VA = set 0 of A with quota 8.</summary>
    public static PoolCommand[] F1(PoolOptions? options = null) =>
    [
        .. F0(options),
        Kernel.RegisterGlobal("I", Priority.Iommu),
        Kernel.RegisterMm("K", "A", Priority.Cpu),
        Kernel.RegisterMm("D", "A", Priority.Device),
        new CreateSet(SetType.Mm, "A", 8),
    ];

    /// <summary>F1's second VM: recorder KB by mm B (CPU), then VB = set 1 of B with quota 8.</summary>
    public static PoolCommand[] WithVB() =>
    [
        Kernel.RegisterMm("KB", "B", Priority.Cpu),
        new CreateSet(SetType.Mm, "B", 8),
    ];

    /// <summary>
    /// F2: reactive adapters (DOMAIN.md 4.8, V4). The IOMMU queues its cleanup work on FREE; KVM
    /// takes a reference on BIND and drops it on UNBIND; VDCM's steps are driven explicitly. Then
    /// process A opens /dev/ioasid: VA = set 0 of A with quota 0 (unlimited).
    /// </summary>
    public static PoolCommand[] F2(Reaction[]? vdcmReactions = null) =>
    [
        .. F0(),
        Kernel.RegisterGlobal("IOMMU", Priority.Iommu, new Reaction(NotificationKind.Free, ReactionAction.QueueWork)),
        Kernel.RegisterMm("KVM", "A", Priority.Cpu,
            new Reaction(NotificationKind.Bind, ReactionAction.Get),
            new Reaction(NotificationKind.Unbind, ReactionAction.Put)),
        Kernel.RegisterMm("VDCM", "A", Priority.Device, vdcmReactions ?? []),
        new CreateSet(SetType.Mm, "A", 0),
    ];

    /// <summary>S23's given: F1, then ID 1 (private <paramref name="data"/>) with SPID 101 and gets by X and Y: ACTIVE, refs 3.</summary>
    public static PoolCommand[] ActiveWithSpid(string? data = null) =>
    [
        .. F1(),
        Kernel.Alloc(VA, data: data),
        new AttachSpid(1, 101),
        Kernel.Get(1, "X", VA),
        Kernel.Get(1, "Y", VA),
    ];

    /// <summary>S23 done: <c>free(VA, 1)</c> on <see cref="ActiveWithSpid"/>: FREE_PENDING, refs 2 (held by X and Y).</summary>
    public static PoolCommand[] S23(string? data = null) => [.. ActiveWithSpid(data), Kernel.Free(1, VA)];

    /// <summary>
    /// Steps 4–8 of DOMAIN.md 5.5 on F2: H = 1 allocated, bound to dev1 with G = 101 (BIND → KVM gets),
    /// the IOMMU's record attached and its reference taken, the uapi reference dropped: refs 3 (core, KVM, IOMMU).
    /// </summary>
    public static PoolCommand[] GuestSteps4To8 =>
    [
        Kernel.Alloc(VA),
        new AcquireRefIfOwned(1, "uapi", "A"),
        new AttachSpid(1, 101),
        new AttachPrivate(1, "rec"),
        Kernel.Get(1, "IOMMU", null),
        Kernel.Put(1, "uapi", null),
    ];
}
