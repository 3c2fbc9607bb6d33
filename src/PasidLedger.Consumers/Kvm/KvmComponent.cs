using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.State;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Kvm;

/// <summary>
/// KVM for one VM (DOMAIN.md 4.8): registered by the VM's mm at priority CPU before its set exists, with the immediate
/// reaction "get on BIND" (the kernel's <c>get_locked</c> inside the atomic chain). On BIND it installs guest → host in
/// its table; on UNBIND it removes the entry, then puts; ALLOC and FREE it ignores (V4). On VM teardown it drops every
/// reference it holds and unregisters.
/// </summary>
public sealed class KvmComponent(ILedgerCommands ledger, StateFile<KvmMemory> file, ComponentOptions options, ILogger<KvmComponent> log)
    : LedgerComponent<KvmMemory>(ledger, file, log), IControlHandler<TearDownVm>
{
    public override string Kind => "kvm";

    public override async Task StartAsync(CancellationToken ct)
    {
        await RegisterAsync("mm", options.RequireMm(), "cpu", [new Reaction("bind", "get", null)], ct).ConfigureAwait(false);
        await PayOwedAsync(ct).ConfigureAwait(false);
    }

    public override async Task OnNotificationAsync(Notification notification, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await PayOwedAsync(ct).ConfigureAwait(false);
        switch (notification.Kind)
        {
            case "bind" when Memory.NotifierId is null:
                // Torn down while this BIND waited in its queue: the ledger took KVM's reference on BIND, nothing will
                // UNBIND to this KVM any more, so it installs nothing and gives the reference back at once.
                Owe(new HostPasid(notification.Id, notification.Generation), deliveryId, "put");
                Changed($"BIND of {notification.Id} after teardown: not installed, its reference owed");
                await PayOwedAsync(ct).ConfigureAwait(false);
                break;
            case "bind" when notification.Spid is { } gpasid:
                Memory.Table[gpasid] = new HostPasid(notification.Id, notification.Generation);
                Changed($"BIND: table[{gpasid}] = {notification.Id} (reference taken by the ledger on BIND)");
                break;
            case "unbind" when notification.Spid is { } gpasid && Memory.Table.TryGetValue(gpasid, out var host) && host.Id == notification.Id:
                Remove(gpasid, host, deliveryId, "put", "UNBIND");
                await PayOwedAsync(ct).ConfigureAwait(false);
                break;
            default:
                await base.OnNotificationAsync(notification, deliveryId, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>VM teardown (DOMAIN.md 5.8): every reference dropped, then unregistered by mm.</summary>
    public async Task<ControlResult> HandleAsync(TearDownVm request, Guid requestId, CancellationToken ct)
    {
        foreach (var (gpasid, host) in Memory.Table.ToList())
        {
            Remove(gpasid, host, requestId, $"put/{gpasid}", "teardown");
        }

        await PayOwedAsync(ct).ConfigureAwait(false);

        await UnregisterAsync("mm", requestId, "teardown", ct).ConfigureAwait(false);

        return ControlResult.Done();
    }

    /// <summary>Removes the entry first (the table never names an ID whose reference is gone) and owes its put, both saved at once.</summary>
    private void Remove(uint gpasid, HostPasid host, Guid cause, string step, string why)
    {
        Memory.Table.Remove(gpasid);
        Owe(host, cause, step);
        Changed($"{why}: removed table[{gpasid}] = {host.Id}");
    }

    protected override IReadOnlyList<HeldId> Holds() =>
        [.. Memory.Table.Select(entry => new HeldId(entry.Value.Id, entry.Value.Generation, "pasid-translation", $"{entry.Key} → {entry.Value.Id}"))];
}
