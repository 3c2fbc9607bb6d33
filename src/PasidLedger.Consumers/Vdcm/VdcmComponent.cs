using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.State;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Vdcm;

/// <summary>
/// VDCM, the mdev host driver of one device for one VM (DOMAIN.md 4.8): registered by the VM's mm at priority DEVICE,
/// with UNBIND queueing its work item atomically. A guest programs a guest PASID into a dedicated work queue (trapped
/// MMIO): find_by_spid with get, then the host PASID goes into the hardware; clearing the queue clears the hardware, then
/// puts. The UNBIND work clears every queue holding the host PASID, then puts, so "PASID life cycles do not cross within
/// the same device". ALLOC and BIND are bookkeeping; FREE is ignored (V4).
/// </summary>
public sealed class VdcmComponent(ILedgerCommands ledger, StateFile<VdcmMemory> file, ComponentOptions options, ILogger<VdcmComponent> log)
    : LedgerComponent<VdcmMemory>(ledger, file, log),
        IControlHandler<ProgramQueuePasid>, IControlHandler<ClearQueuePasid>, IControlHandler<RunDma>, IControlHandler<ReleaseDevice>
{
    private const int Efault = -14;
    private const int Ebusy = -16;
    private const int Einval = -22;
    private const int Eagain = -11;

    public override string Kind => "vdcm";

    public override Task StartAsync(CancellationToken ct) =>
        RegisterAsync("mm", options.RequireMm(), "device", [new Reaction("unbind", "queueWork", null)], ct);

    public override async Task OnNotificationAsync(Notification notification, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        switch (notification.Kind)
        {
            case "alloc":
                Memory.SetId = notification.SetId;
                Changed($"ALLOC of {notification.Id}: set {notification.SetId}");
                break;
            case "bind" when notification.Spid is { } gpasid:
                Memory.SetId = notification.SetId;
                Memory.Bound[gpasid] = new HostPasid(notification.Id, notification.Generation);
                Changed($"BIND: guest {gpasid} → host {notification.Id} (bookkeeping; no reference)");
                break;
            case "unbind" when notification.Spid is { } gpasid && Memory.Bound.TryGetValue(gpasid, out var host) && host.Id == notification.Id:
                // The hardware is cleared by the work item the ledger queued for this UNBIND, not here (an atomic handler).
                Memory.Bound.Remove(gpasid);
                Changed($"UNBIND: forgot guest {gpasid} → host {host.Id}; work queued by the ledger clears the queues");
                break;
            default:
                await base.OnNotificationAsync(notification, deliveryId, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The UNBIND work (V4): clear every queue holding the host PASID, then put each queue's reference.</summary>
    public override Task RunWorkAsync(RunWork work, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var holding = work is { Cause: "unbind", Id: { } id } ? QueuesHolding(id) : [];
        return holding.Count == 0 && Memory.Owed.Count == 0
            ? base.RunWorkAsync(work, deliveryId, ct)
            : ClearThenPutAsync(holding, deliveryId, $"work {work.WorkId}", ct);
    }

    /// <summary>Guest writes <c>G</c> into a dedicated work queue: find_by_spid(set, G, get); INVALID rejects the write.</summary>
    public async Task<ControlResult> HandleAsync(ProgramQueuePasid request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Memory.SetId is not { } setId)
        {
            return ControlResult.Refused("SetInvalid", Einval, $"{Name} has seen no ALLOC or BIND: the VM's set is unknown");
        }

        if (Memory.Queues.TryGetValue(request.Queue, out var programmed))
        {
            return ControlResult.Refused("QueueBusy", Ebusy, $"queue {request.Queue} already holds host PASID {programmed.Id}; clear it first");
        }

        var result = await SendAsync(new AcquireRefBySpidCommand(Pool, setId, request.Gpasid, Name), AcquireRefBySpidCommand.MessageType,
            requestId, $"get/{request.Queue}", ct).ConfigureAwait(false);
        if (result.Lookup?.Id is not { } id)
        {
            // An illegal guest PASID cannot obtain a reference (DOMAIN.md 4.8, 5.7 f): nothing was taken, nothing is written.
            return ControlResult.Refused(result.Reason ?? "SpidNotFound", result.Errno, result.Detail ?? $"guest PASID {request.Gpasid} is not bound");
        }

        if (!Memory.Bound.TryGetValue(request.Gpasid, out var host) || host.Id != id)
        {
            // The ledger found H before this device saw its BIND, so the generation is unknown: give the reference back.
            await SendAsync(new ReleaseRefCommand(Pool, id, Name, null), ReleaseRefCommand.MessageType, requestId, $"put-back/{request.Queue}", ct)
                .ConfigureAwait(false);
            return ControlResult.Refused("BindNotSeen", Eagain, $"{Name} has not seen the BIND of guest {request.Gpasid} → host {id} yet; try again");
        }

        Memory.Queues[request.Queue] = host;
        Changed($"queue {request.Queue}: programmed guest {request.Gpasid} → host {id} in hardware");
        return ControlResult.Done(id);
    }

    /// <summary>Guest clears the queue (zeroes its control register): clear the hardware, then put.</summary>
    public async Task<ControlResult> HandleAsync(ClearQueuePasid request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = Memory.Queues.GetValueOrDefault(request.Queue);
        await ClearThenPutAsync(host is null ? [] : [request.Queue], requestId, $"guest clear of {request.Queue}", ct).ConfigureAwait(false);
        return ControlResult.Done(host?.Id);
    }

    /// <summary>Guest submits DMA: it runs on the host PASID in the queue, or faults when there is none.</summary>
    public Task<ControlResult> HandleAsync(RunDma request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Memory.Queues.TryGetValue(request.Queue, out var host))
        {
            return Task.FromResult(ControlResult.Refused("NoPasid", Efault, $"queue {request.Queue} has no PASID: the DMA faults"));
        }

        Memory.Runs.Add(new DmaRun(request.Queue, host.Id, host.Generation, Memory.Step + 1));
        Changed($"DMA on queue {request.Queue} with host PASID {host.Id}");
        return Task.FromResult(ControlResult.Done(host.Id));
    }

    /// <summary>mdev release (DOMAIN.md 5.8): every queue cleared and its reference put, then the notifier unregistered.</summary>
    public async Task<ControlResult> HandleAsync(ReleaseDevice request, Guid requestId, CancellationToken ct)
    {
        await ClearThenPutAsync([.. Memory.Queues.Keys], requestId, "release", ct).ConfigureAwait(false);
        await UnregisterAsync("mm", requestId, "release", ct).ConfigureAwait(false);

        return ControlResult.Done();
    }

    protected override IReadOnlyList<HeldId> Holds() =>
        [.. Memory.Queues.Select(queue => new HeldId(queue.Value.Id, queue.Value.Generation, "work-queues", $"{queue.Key} → {queue.Value.Id}"))];

    protected override IReadOnlyList<DmaRun> DmaRuns() => [.. Memory.Runs];

    private List<string> QueuesHolding(uint id) => [.. Memory.Queues.Where(queue => queue.Value.Id == id).Select(queue => queue.Key)];

    /// <summary>
    /// Clears <paramref name="queues"/> in hardware (each saved with the put it owes), then puts every reference owed,
    /// including any a killed run left: the hardware is clean before the ledger may reclaim the ID (DOMAIN.md 4.8).
    /// </summary>
    private async Task ClearThenPutAsync(IReadOnlyList<string> queues, Guid cause, string what, CancellationToken ct)
    {
        foreach (var queue in queues)
        {
            var host = Memory.Queues[queue];
            Memory.Queues.Remove(queue);
            Owe(host, cause, $"put/{queue}");
            Changed($"{what}: cleared queue {queue} (was host PASID {host.Id})");
        }

        await PayOwedAsync(ct).ConfigureAwait(false);
    }
}
