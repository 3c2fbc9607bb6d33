using MassTransit;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// Receives <see cref="RunWork"/> when this consumer's item is at the head of the pool's ordered queue, lets the
/// component run it, then completes it so the next item may run. A consumer killed in the middle gets the same
/// message again (it was never acknowledged to RabbitMQ) and runs the item again from its saved state; its commands
/// carry the same ids, so nothing the ledger already did happens twice.
/// </summary>
public sealed class RunWorkConsumer(ILedgerComponent component, Delivery delivery) : IConsumer<RunWork>
{
    public Task Consume(ConsumeContext<RunWork> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var work = context.Message;
        var deliveryId = context.MessageId ?? MessageIds.ForDelivery(work.ReadyEventId, work.By);
        return delivery.TakeAsync(deliveryId, () => component.RunWorkAsync(work, deliveryId, context.CancellationToken),
            new CompleteWorkCommand(work.Pool, work.WorkId), CompleteWorkCommand.MessageType, "complete", work.ReadyEventId, context.CancellationToken);
    }
}
