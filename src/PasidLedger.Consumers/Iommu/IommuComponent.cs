using System.Globalization;
using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.State;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Iommu;

/// <summary>
/// The VT-d IOMMU driver (DOMAIN.md 4.8): global chain, priority IOMMU, the publisher of BIND and UNBIND. The first device
/// bound to a host PASID attaches the SPID (BIND), the bind record and its own reference; the last device unbound undoes
/// them in the V4 order. Its FREE handler is the ledger's atomic <c>queueWork</c> reaction; the work tears the bind down.
/// </summary>
public sealed partial class IommuComponent(ILedgerCommands ledger, StateFile<IommuMemory> file, ILogger<IommuComponent> log)
    : LedgerComponent<IommuMemory>(ledger, file, log), IControlHandler<BindDevice>, IControlHandler<UnbindDevice>
{
    private const int Estale = -116;
    private const int Einval = -22;

    public override string Kind => "iommu";

    /// <summary>Registers, then finishes every teardown a crash cut short, so no bind record outlives its reference for long.</summary>
    public override async Task StartAsync(CancellationToken ct)
    {
        await RegisterAsync("global", null, "iommu", [new Reaction("free", "queueWork", null)], ct).ConfigureAwait(false);
        foreach (var id in Memory.Records.Keys.ToList())
        {
            await RecordAsync(id, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Guest bind (<c>bind_gpasid</c>), after VFIO's ownership check.</summary>
    public async Task<ControlResult> HandleAsync(BindDevice request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await RecordAsync(request.Id, ct).ConfigureAwait(false);
        if (record is null)
        {
            record = new BindRecord { Id = request.Id, Generation = request.Generation, Gpasid = request.Gpasid, BoundBy = requestId };
            Memory.Records[request.Id] = record;
            Changed($"bind {request.Id}: new bind record (guest {request.Gpasid}, first device {request.Device})");
        }
        else if (record.Generation != request.Generation)
        {
            return ControlResult.Refused("StaleHandle", Estale, $"host PASID {request.Id} is bound at generation {record.Generation}, the request names {request.Generation}");
        }
        else if (record.Gpasid != request.Gpasid)
        {
            return ControlResult.Refused("InvalidArgument", Einval, $"host PASID {request.Id} is bound to guest {record.Gpasid}, not {request.Gpasid}");
        }

        if (!record.Referenced && await BindFirstDeviceAsync(record, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        // S54: further devices on the same host PASID add an entry only; no new BIND, no new reference.
        if (!record.Devices.Contains(request.Device))
        {
            record.Devices.Add(request.Device);
            Changed($"programmed nested PASID entry {request.Device}: guest {record.Gpasid} → host {record.Id}");
        }

        return ControlResult.Done(record.Id);
    }

    /// <summary>Guest unbind: with no record (cleaned after a FREE, DOMAIN.md 5.7 e) nothing is touched.</summary>
    public async Task<ControlResult> HandleAsync(UnbindDevice request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await RecordAsync(request.Id, ct).ConfigureAwait(false);
        if (record is null || record.Generation != request.Generation || !record.Devices.Contains(request.Device))
        {
            LogNothingToUnbind(log, Name, request.Device, request.Id, request.Generation);
            return ControlResult.Done(request.Id);
        }

        record.Devices.Remove(request.Device);
        Changed($"unbind {request.Device}: removed its nested PASID entry for {record.Id}; drained its page requests");
        if (record.Devices.Count == 0)
        {
            await TearDownAsync(record, requestId, ct).ConfigureAwait(false);
        }

        return ControlResult.Done(request.Id);
    }

    /// <summary>The FREE handler's part outside the ledger: the ledger queued the cleanup atomically (the registration's reaction).</summary>
    public override Task OnNotificationAsync(Notification notification, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Kind != "free")
        {
            return base.OnNotificationAsync(notification, deliveryId, ct);
        }

        if (notification.Private is null)
        {
            Changed($"FREE of {notification.Id}: no bind record attached, unbind already happened; nothing to do");
        }
        else if (Memory.Records.TryGetValue(notification.Id, out var record) && record.Generation == notification.Generation)
        {
            Changed($"FREE of {notification.Id}: cleanup {Name}:free:{notification.Id}.{notification.Generation} queued");
        }
        else
        {
            LogFreeWithoutRecord(log, Name, notification.Id, notification.Generation);
        }

        return Task.CompletedTask;
    }

    /// <summary>The cleanup work a FREE queued (5.7 b, c): every device entry torn down and drained, then the V4 teardown.</summary>
    public override async Task RunWorkAsync(RunWork work, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work is not { Cause: "free", Id: { } id })
        {
            await base.RunWorkAsync(work, deliveryId, ct).ConfigureAwait(false);
            return;
        }

        if (Memory.Records.TryGetValue(id, out var record) && GenerationOf(work.WorkId) is var generation && (generation is null || generation == record.Generation))
        {
            await TearDownAsync(record, deliveryId, ct).ConfigureAwait(false);
        }
        else
        {
            Changed($"work {work.WorkId}: no bind record for {id}; nothing to do");
        }
    }

    protected override IReadOnlyList<HeldId> Holds() =>
    [
        .. Memory.Records.Values.SelectMany(record => record.Devices.Select(device =>
            new HeldId(record.Id, record.Generation, "pasid-table", $"{device}: guest {record.Gpasid} → host {record.Id}"))),
        .. Memory.Records.Values.Select(record =>
            new HeldId(record.Id, record.Generation, "bind-records", $"{record.Id}: guest {record.Gpasid}, {record.Devices.Count} device(s)")),
    ];

    /// <summary>The work id the ledger gives the FREE cleanup is <c>&lt;name&gt;:free:&lt;id&gt;.&lt;generation&gt;</c>.</summary>
    private static int? GenerationOf(string workId) =>
        int.TryParse(workId.AsSpan(workId.LastIndexOf('.') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation) ? generation : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name}: unbind {Device} from {Id} (generation {Generation}): no such bind; nothing touched")]
    private static partial void LogNothingToUnbind(ILogger logger, string name, string device, uint id, int generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name}: FREE of {Id} (generation {Generation}) but no bind record for it; ignored")]
    private static partial void LogFreeWithoutRecord(ILogger logger, string name, uint id, int generation);
}
