namespace PasidLedger.Cli.Demo;

/// <summary>Which lane a scenario actor or a ledger principal plays in.</summary>
internal static class Lanes
{
    public static IReadOnlyList<(Lane Lane, string Header)> Headers { get; } =
        [(Lane.Vfio, "VFIO"), (Lane.Iommu, "IOMMU"), (Lane.Kvm, "KVM"), (Lane.Vdcm, "VDCM"), (Lane.Guest, "QEMU/guest"), (Lane.Core, "Core")];

    /// <summary>The lane of a step's actor (<see cref="Consumers.Scenarios.GuestScenarios"/> names them).</summary>
    public static Lane OfActor(string actor) => actor switch
    {
        "VFIO" => Lane.Vfio,
        "IOMMU" => Lane.Iommu,
        "KVM" => Lane.Kvm,
        "VDCM" => Lane.Vdcm,
        "QEMU" or "guest" => Lane.Guest,
        _ => Lane.Core,
    };

    /// <summary>The lane of a principal: <c>iommu</c>, <c>kvm:*</c>, <c>vdcm:*</c>, <c>vfio:*</c>, <c>mm:*</c>; anyone else is the core's.</summary>
    public static Lane OfPrincipal(string? principal) => principal switch
    {
        "iommu" => Lane.Iommu,
        not null when principal.StartsWith("kvm:", StringComparison.Ordinal) => Lane.Kvm,
        not null when principal.StartsWith("vdcm:", StringComparison.Ordinal) => Lane.Vdcm,
        not null when principal.StartsWith("vfio:", StringComparison.Ordinal) => Lane.Vfio,
        not null when principal.StartsWith("mm:", StringComparison.Ordinal) => Lane.Guest,
        _ => Lane.Core,
    };
}
