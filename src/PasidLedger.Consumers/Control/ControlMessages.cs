namespace PasidLedger.Consumers.Control;

// The messages the scenario driver and the consumers send each other (MassTransit request/response on each
// consumer's control queue, LedgerLink.ControlQueueOf). They are this simulation's own, like the kernel's
// internal calls between VFIO, the IOMMU driver, KVM and VDCM; the ledger never sees them.

/// <summary>The answer to every control request: <paramref name="Ok"/>, or the ledger's (or the component's) reason and errno.</summary>
/// <param name="Id">The host IOASID the request found or used, if any.</param>
public sealed record ControlResult(bool Ok, string? Reason, int Errno, string? Detail, uint? Id = null)
{
    /// <summary>The pool version after the last ledger command the component sent (0 if none): the driver waits for the timeline to reach it.</summary>
    public long Version { get; init; }

    public static ControlResult Done(uint? id = null) => new(true, null, 0, null, id);

    public static ControlResult Refused(string reason, int errno, string detail) => new(false, reason, errno, detail);
}

/// <summary>Asks any consumer for its local state; answered with <see cref="ComponentState"/>.</summary>
public sealed record ShowState(string Pool);

/// <summary>
/// A consumer's local state: every table entry that names a host IOASID (<paramref name="Holds"/>, what the safety
/// checker compares with the ledger's reclaims), the simulated DMA it ran and the references it released (both in its
/// own step order), and a line per entry for people.
/// </summary>
public sealed record ComponentState(
    string Name,
    string Kind,
    IReadOnlyList<HeldId> Holds,
    IReadOnlyList<DmaRun> DmaRuns,
    IReadOnlyList<ReleasedRef> Releases,
    IReadOnlyList<string> Lines);

/// <summary>One table entry naming host IOASID <paramref name="Id"/> of <paramref name="Generation"/>; <paramref name="Table"/> says which table.</summary>
public sealed record HeldId(uint Id, int Generation, string Table, string Entry);

/// <summary>One simulated DMA on <paramref name="Queue"/> with host IOASID <paramref name="Id"/>; <paramref name="Step"/> orders it among the component's own steps.</summary>
public sealed record DmaRun(string Queue, uint Id, int Generation, long Step);

/// <summary>A reference on <paramref name="Id"/> of <paramref name="Generation"/> the component released at its step <paramref name="Step"/>.</summary>
public sealed record ReleasedRef(uint Id, int Generation, long Step);

/// <summary>VFIO → IOMMU: bind device <paramref name="Device"/> to host PASID <paramref name="Id"/> with guest PASID <paramref name="Gpasid"/> (DOMAIN.md 4.8, guest bind).</summary>
public sealed record BindDevice(uint Id, int Generation, uint Gpasid, string Device);

/// <summary>VFIO → IOMMU: unbind <paramref name="Device"/> from host PASID <paramref name="Id"/> (guest unbind).</summary>
public sealed record UnbindDevice(uint Id, int Generation, string Device);

/// <summary>Guest (QEMU) → VFIO: <c>BIND_PGTBL(H, G, dev)</c>; VFIO checks ownership with <c>get_if_owned</c>.</summary>
public sealed record BindGuestPasid(uint Id, uint Gpasid, string Device);

/// <summary>Guest (QEMU) → VFIO: unbind <paramref name="Device"/> from <paramref name="Id"/>.</summary>
public sealed record UnbindGuestPasid(uint Id, string Device);

/// <summary>Guest → VDCM (trapped MMIO): program guest PASID <paramref name="Gpasid"/> into work queue <paramref name="Queue"/>.</summary>
public sealed record ProgramQueuePasid(string Queue, uint Gpasid);

/// <summary>Guest → VDCM: clear work queue <paramref name="Queue"/> (zero the control register).</summary>
public sealed record ClearQueuePasid(string Queue);

/// <summary>Guest → VDCM: submit DMA on <paramref name="Queue"/>; it runs only on the host PASID programmed there.</summary>
public sealed record RunDma(string Queue);

/// <summary>mdev release: VDCM clears every queue, puts its references and unregisters.</summary>
public sealed record ReleaseDevice(string Pool);

/// <summary>VM teardown: KVM drops all its host-PASID references and unregisters by mm (DOMAIN.md 5.8).</summary>
public sealed record TearDownVm(string Pool);
