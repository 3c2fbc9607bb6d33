using MassTransit;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>Receives the ledger's <see cref="CommandResult"/>s on this consumer's results queue.</summary>
public sealed class CommandResultConsumer(PendingResults pending) : IConsumer<CommandResult>
{
    public Task Consume(ConsumeContext<CommandResult> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        pending.Complete(context.Message);
        return Task.CompletedTask;
    }
}
