namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// What a component is set up with besides its <see cref="Ledger.LedgerLink"/>: the VM it serves (KVM, VDCM and VFIO:
/// the VM's mm token, as its ledger token acts for), the IOMMU consumer VFIO binds through, and, for fault tests, the
/// command type after whose answer it kills itself (<see cref="Ledger.CrashingLedgerCommands"/>).
/// </summary>
public sealed record ComponentOptions(string? Mm, string Iommu = "iommu", string? CrashAfter = null)
{
    /// <summary>The VM's mm token; a per-VM component cannot run without one.</summary>
    public string RequireMm() => Mm ?? throw new InvalidOperationException("This component serves one VM: give it the VM's mm token (--mm mm:<vm>).");
}
