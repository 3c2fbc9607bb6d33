using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>
/// The ledger as a component sees it: commands sent under its name to its pool, each answered with a
/// <see cref="CommandResult"/>. <see cref="LedgerCommands"/> sends them over RabbitMQ; tests answer them in process.
/// </summary>
public interface ILedgerCommands
{
    /// <summary>The pool this consumer serves.</summary>
    string Pool { get; }

    /// <summary>Its principal name.</summary>
    string Name { get; }

    /// <summary>Sends <paramref name="command"/> with message id <paramref name="commandId"/> and waits for the ledger's answer.</summary>
    Task<CommandResult> SendAsync<T>(T command, string messageType, Guid commandId, Guid? causation, CancellationToken ct) where T : class;
}
