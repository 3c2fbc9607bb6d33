using PasidLedger.Consumers.Control;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// One simulated kernel component (DOMAIN.md 4.8) as the consumer process hosts it. The host calls it one message at a
/// time (<see cref="ComponentGate"/>), drops deliveries it has handled, acknowledges each notification and completes
/// each work item after it returns.
/// </summary>
public interface ILedgerComponent
{
    /// <summary><c>iommu</c>, <c>kvm</c>, <c>vdcm</c> or <c>vfio</c>.</summary>
    string Kind { get; }

    /// <summary>The pool version after the last ledger command it sent (0 before the first).</summary>
    long LastVersion { get; }

    /// <summary>Whether <paramref name="deliveryId"/> was handled to the end already (a repeat, which it logs as dropped).</summary>
    bool IsRepeat(Guid deliveryId);

    /// <summary>Remembers (and saves) that <paramref name="deliveryId"/> was handled to the end.</summary>
    void MarkHandled(Guid deliveryId);

    /// <summary>At start, after the bus runs: registers its notifier unless its saved state has one.</summary>
    Task StartAsync(CancellationToken ct);

    /// <summary>Handles one notification (the host acknowledges it afterwards).</summary>
    Task OnNotificationAsync(Notification notification, Guid deliveryId, CancellationToken ct);

    /// <summary>Runs one work item it queued (the host sends <c>complete-work</c> afterwards).</summary>
    Task RunWorkAsync(RunWork work, Guid deliveryId, CancellationToken ct);

    /// <summary>Its local state now.</summary>
    ComponentState Show();
}
