using MassTransit;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// The guest and its QEMU (DOMAIN.md 5.5–5.8): opens the VM's set, allocates and frees through the ledger under the VM's
/// own token, binds and unbinds through VFIO (which asks the IOMMU consumer), programs and clears VDCM work queues, runs
/// DMA, and misbehaves on demand (free before unbind; a killed QEMU, with KVM torn down first).
/// </summary>
public sealed class GuestDriver(ScenarioBus bus, Cast cast)
{
    private static readonly RequestTimeout ControlWait = RequestTimeout.After(s: 60);

    /// <summary>The VM's MM set, once opened.</summary>
    public int? SetId { get; private set; }

    /// <summary>open /dev/ioasid: <c>set_alloc(mm, 0, MM)</c>.</summary>
    public async Task<CommandResult> OpenSetAsync(CancellationToken ct)
    {
        var result = await LedgerAsync(new CreateSetCommand(cast.Pool, "mm", cast.Mm, 0), CreateSetCommand.MessageType, ct).ConfigureAwait(false);
        SetId = result.Set?.SetId;
        return result;
    }

    /// <summary><c>REQUEST_ALLOC</c> in the VM's set.</summary>
    public Task<CommandResult> AllocateAsync(CancellationToken ct) =>
        LedgerAsync(new AllocateIoasidCommand(cast.Pool, OpenSet, 1, 0xFFFFF, null), AllocateIoasidCommand.MessageType, ct);

    /// <summary><c>REQUEST_FREE(H)</c>.</summary>
    public Task<CommandResult> FreeAsync(uint id, CancellationToken ct) =>
        LedgerAsync(new FreeIoasidCommand(cast.Pool, id, OpenSet), FreeIoasidCommand.MessageType, ct);

    /// <summary>close /dev/ioasid: <c>set_release</c>, which frees whatever is left in the set.</summary>
    public Task<CommandResult> CloseSetAsync(CancellationToken ct) =>
        LedgerAsync(new ReleaseSetCommand(cast.Pool, OpenSet), ReleaseSetCommand.MessageType, ct);

    /// <summary>VFIO <c>BIND_PGTBL(H, G, dev)</c>.</summary>
    public Task<ControlResult> BindAsync(uint id, uint gpasid, string device, CancellationToken ct) =>
        ControlAsync(cast.Vfio, new BindGuestPasid(id, gpasid, device), ct);

    /// <summary>VFIO unbind of <paramref name="device"/> from H.</summary>
    public Task<ControlResult> UnbindAsync(uint id, string device, CancellationToken ct) =>
        ControlAsync(cast.Vfio, new UnbindGuestPasid(id, device), ct);

    /// <summary>The guest writes G into VDCM work queue <paramref name="queue"/>.</summary>
    public Task<ControlResult> ProgramAsync(string queue, uint gpasid, CancellationToken ct) =>
        ControlAsync(cast.Vdcm, new ProgramQueuePasid(queue, gpasid), ct);

    /// <summary>The guest clears work queue <paramref name="queue"/>.</summary>
    public Task<ControlResult> ClearAsync(string queue, CancellationToken ct) =>
        ControlAsync(cast.Vdcm, new ClearQueuePasid(queue), ct);

    /// <summary>The guest submits DMA on <paramref name="queue"/>.</summary>
    public Task<ControlResult> DmaAsync(string queue, CancellationToken ct) =>
        ControlAsync(cast.Vdcm, new RunDma(queue), ct);

    /// <summary>KVM's VM teardown.</summary>
    public Task<ControlResult> TearDownKvmAsync(CancellationToken ct) =>
        ControlAsync(cast.Kvm, new TearDownVm(cast.Pool), ct);

    /// <summary>The mdev's release: VDCM clears its hardware and puts.</summary>
    public Task<ControlResult> ReleaseDeviceAsync(CancellationToken ct) =>
        ControlAsync(cast.Vdcm, new ReleaseDevice(cast.Pool), ct);

    /// <summary>The local state of the component named <paramref name="name"/>.</summary>
    public async Task<ComponentState> ShowAsync(string name, CancellationToken ct)
    {
        var client = bus.Bus.CreateRequestClient<ShowState>(cast.ControlOf(name), ControlWait);
        return (await client.GetResponse<ComponentState>(new ShowState(cast.Pool), ct).ConfigureAwait(false)).Message;
    }

    private int OpenSet => SetId ?? throw new InvalidOperationException("The VM's set is not open yet.");

    private Task<CommandResult> LedgerAsync<T>(T command, string messageType, CancellationToken ct) where T : class =>
        bus.Guest.SendAsync(command, messageType, Guid.NewGuid(), null, ct);

    private async Task<ControlResult> ControlAsync<T>(string component, T request, CancellationToken ct) where T : class
    {
        var client = bus.Bus.CreateRequestClient<T>(cast.ControlOf(component), ControlWait);
        return (await client.GetResponse<ControlResult>(request, ct).ConfigureAwait(false)).Message;
    }
}
