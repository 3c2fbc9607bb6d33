using PasidLedger.Consumers.Ledger;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// How the host takes one delivery from the ledger (a notification or a RunWork), under the component's gate: the
/// component handles it unless it finished it before (a repeat), then the host tells the ledger it is done — the
/// acknowledgement or the work's completion — with an id that follows from the delivery, so a repeat tells it again harmlessly.
/// </summary>
public sealed class Delivery(ILedgerComponent component, ComponentGate gate, ILedgerCommands ledger)
{
    public Task TakeAsync<TDone>(Guid deliveryId, Func<Task> handle, TDone done, string doneType, string doneStep, Guid causation, CancellationToken ct)
        where TDone : class
    {
        ArgumentNullException.ThrowIfNull(handle);
        return gate.RunAsync(async () =>
        {
            if (!component.IsRepeat(deliveryId))
            {
                await handle().ConfigureAwait(false);
                component.MarkHandled(deliveryId);
            }

            return await ledger.SendAsync(done, doneType, CommandIds.For(deliveryId, ledger.Name, doneStep), causation, ct).ConfigureAwait(false);
        }, ct);
    }
}
