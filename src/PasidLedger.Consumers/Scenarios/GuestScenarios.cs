namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// The guest-SVA scenarios of DOMAIN.md, played over the bus by the driver against the consumer processes: the normal flow
/// (5.5, S49), free before unbind (5.7), free before unbind without DMA (S51, pattern 3) and a killed QEMU with KVM torn
/// down first (5.8). Each returns the host PASID it played with.
/// </summary>
public static class GuestScenarios
{
    public const uint Gpasid = 101;
    public const string Queue = "wq0";

    public static GuestScenario NormalFlow { get; } = new("normal", "5.5", "Guest SVA, normal flow (two devices share H)", async (guest, steps, ct) =>
    {
        var h = await BoundAsync(guest, steps, bothDevices: true, ct).ConfigureAwait(false);
        await DmaAsync(guest, steps, ct).ConfigureAwait(false);
        await steps.StepAsync("guest", $"clear {Queue} → VDCM clears the hardware, put", () => guest.ClearAsync(Queue, ct), ct).ConfigureAwait(false);
        await steps.StepAsync("VFIO", "unbind(H, dev2): not the last device", () => guest.UnbindAsync(h, "dev2", ct), ct).ConfigureAwait(false);
        await steps.StepAsync("VFIO", "unbind(H, dev1): last device → detach_spid → UNBIND", () => guest.UnbindAsync(h, "dev1", ct), ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "REQUEST_FREE(H)", () => guest.FreeAsync(h, ct), ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "close /dev/ioasid → set_release", () => guest.CloseSetAsync(ct), ct).ConfigureAwait(false);
        return h;
    });

    public static GuestScenario FreeBeforeUnbind { get; } = new("free-before-unbind", "5.7", "Free before unbind: QEMU frees H while every holder still uses it", async (guest, steps, ct) =>
    {
        var h = await BoundAsync(guest, steps, bothDevices: true, ct).ConfigureAwait(false);
        await DmaAsync(guest, steps, ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "REQUEST_FREE(H) before unbind → FREE → IOMMU cleanup W1, VDCM W2", () => guest.FreeAsync(h, ct), ct).ConfigureAwait(false);
        await steps.StepAsync("VFIO", "late unbind(H, dev1)", () => guest.UnbindAsync(h, "dev1", ct), ct).ConfigureAwait(false);
        await steps.StepAsync("guest", $"writes G into {Queue} again", () => guest.ProgramAsync(Queue, Gpasid, ct), ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "close /dev/ioasid → set_release", () => guest.CloseSetAsync(ct), ct).ConfigureAwait(false);
        return h;
    });

    public static GuestScenario Pattern3 { get; } = new("pattern-3", "S51", "Free before unbind without any DMA (ALLOC → BIND → FREE)", async (guest, steps, ct) =>
    {
        var h = await BoundAsync(guest, steps, bothDevices: false, ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "REQUEST_FREE(H) → FREE → IOMMU cleanup W1", () => guest.FreeAsync(h, ct), ct).ConfigureAwait(false);
        await steps.StepAsync("VFIO", "late unbind(H, dev1)", () => guest.UnbindAsync(h, "dev1", ct), ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "close /dev/ioasid → set_release", () => guest.CloseSetAsync(ct), ct).ConfigureAwait(false);
        return h;
    });

    public static GuestScenario VmKilled { get; } = new("vm-killed", "5.8", "QEMU killed: KVM torn down first, then /dev/ioasid, the mdev and the device close", async (guest, steps, ct) =>
    {
        var h = await BoundAsync(guest, steps, bothDevices: false, ct).ConfigureAwait(false);
        await DmaAsync(guest, steps, ct).ConfigureAwait(false);
        await steps.StepAsync("KVM", "VM teardown: put every reference, unregister", () => guest.TearDownKvmAsync(ct), ct).ConfigureAwait(false);
        await steps.StepAsync("QEMU", "killed: /dev/ioasid release → free_all_in_set", () => guest.CloseSetAsync(ct), ct).ConfigureAwait(false);
        await steps.StepAsync("VDCM", "mdev release: clear the hardware, put", () => guest.ReleaseDeviceAsync(ct), ct).ConfigureAwait(false);
        await steps.StepAsync("VFIO", "device close: unbind(H, dev1)", () => guest.UnbindAsync(h, "dev1", ct), ct).ConfigureAwait(false);
        return h;
    });

    /// <summary>The scenarios the demo plays, in the order it plays them in one pool (the VM killed last: it unregisters KVM and VDCM).</summary>
    public static IReadOnlyList<GuestScenario> Demo { get; } = [NormalFlow, FreeBeforeUnbind, VmKilled];

    public static IReadOnlyList<GuestScenario> All { get; } = [NormalFlow, FreeBeforeUnbind, Pattern3, VmKilled];

    /// <summary>DOMAIN.md 5.5 steps 3–9: the set opened, H allocated and bound (dev1, and dev2 when asked), KVM holding it through BIND.</summary>
    private static async Task<uint> BoundAsync(GuestDriver guest, ScenarioRecorder steps, bool bothDevices, CancellationToken ct)
    {
        await steps.StepAsync("QEMU", "open /dev/ioasid → set_alloc(mm, 0, MM)", () => guest.OpenSetAsync(ct), ct).ConfigureAwait(false);
        var allocated = await steps.StepAsync("QEMU", "REQUEST_ALLOC → H", () => guest.AllocateAsync(ct), ct).ConfigureAwait(false);
        var h = allocated.Ioasid?.Id ?? throw new InvalidOperationException($"REQUEST_ALLOC failed: {allocated.Reason} ({allocated.Errno}) {allocated.Detail}");
        await steps.StepAsync("VFIO", $"bind(H, G={Gpasid}, dev1): first device → attach_spid → BIND", () => guest.BindAsync(h, Gpasid, "dev1", ct), ct).ConfigureAwait(false);
        if (bothDevices)
        {
            await steps.StepAsync("VFIO", "bind(H, G, dev2): no new BIND, no new reference", () => guest.BindAsync(h, Gpasid, "dev2", ct), ct).ConfigureAwait(false);
        }

        return h;
    }

    /// <summary>DOMAIN.md 5.5 steps 10–11: the guest programs G into a VDCM work queue (find_by_spid with get) and runs DMA.</summary>
    private static async Task DmaAsync(GuestDriver guest, ScenarioRecorder steps, CancellationToken ct)
    {
        await steps.StepAsync("guest", $"writes G into {Queue} → VDCM find_by_spid(G, get)", () => guest.ProgramAsync(Queue, Gpasid, ct), ct).ConfigureAwait(false);
        await steps.StepAsync("guest", $"DMA on {Queue}", () => guest.DmaAsync(Queue, ct), ct).ConfigureAwait(false);
    }
}
