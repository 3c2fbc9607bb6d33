using Microsoft.Extensions.Hosting;

namespace PasidLedger.Consumers.Hosting;

/// <summary>Lets the component register with the ledger once the bus runs (MassTransit's hosted service starts first and waits until the bus is up).</summary>
public sealed class ComponentStartup(ILedgerComponent component, ComponentGate gate) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await component.StartAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
