using MassTransit;

namespace PasidLedger.Consumers.Hosting;

/// <summary>Receives control request <typeparamref name="T"/> on the consumer's control queue and answers it, one message at a time with the rest of the component.</summary>
public sealed class ControlConsumer<T>(IControlHandler<T> handler, ILedgerComponent component, ComponentGate gate) : IConsumer<T> where T : class
{
    public async Task Consume(ConsumeContext<T> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requestId = context.MessageId ?? Guid.NewGuid();
        var result = await gate.RunAsync(() => handler.HandleAsync(context.Message, requestId, context.CancellationToken), context.CancellationToken)
            .ConfigureAwait(false);
        await context.RespondAsync(result with { Version = component.LastVersion }).ConfigureAwait(false);
    }
}
