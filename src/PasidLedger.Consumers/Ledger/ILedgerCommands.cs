using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>Sends ledger commands as this consumer and waits for their results: <see cref="LedgerCommands"/> over RabbitMQ, a fake in unit tests.</summary>
public interface ILedgerCommands
{
    /// <summary>The pool this consumer serves.</summary>
    string Pool { get; }

    /// <summary>Its principal name.</summary>
    string Name { get; }

    /// <summary>Sends <paramref name="command"/> with message id <paramref name="commandId"/> until the ledger answers.</summary>
    Task<CommandResult> SendAsync<T>(T command, string messageType, Guid commandId, Guid? causation, CancellationToken ct) where T : class;
}
