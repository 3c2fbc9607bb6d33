using MassTransit;
using PasidLedger.Consumers.Control;

namespace PasidLedger.Consumers.Hosting;

/// <summary>Answers <see cref="ShowState"/> with the component's local state.</summary>
public sealed class ShowStateConsumer(ILedgerComponent component, ComponentGate gate) : IConsumer<ShowState>
{
    public async Task Consume(ConsumeContext<ShowState> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = await gate.RunAsync(() => Task.FromResult(component.Show()), context.CancellationToken).ConfigureAwait(false);
        await context.RespondAsync(state).ConfigureAwait(false);
    }
}
