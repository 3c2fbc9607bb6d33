namespace PasidLedger.Cli.Demo;

/// <summary>A column of the demo's timeline table: one per actor, in the order of DOMAIN.md's swim lanes, the core last.</summary>
internal enum Lane
{
    Vfio,
    Iommu,
    Kvm,
    Vdcm,
    Guest,
    Core,
}
