namespace PasidLedger.Consumers.Ledger;

/// <summary>
/// Who a consumer is to the ledger: the pool it serves, its registration and holder name, its ledger token
/// (a <c>component</c> principal, issued with <c>--mm</c> when it serves one VM) and the broker.
/// </summary>
/// <param name="Pool">The pool whose notifications and work it receives.</param>
/// <param name="Name">Its principal name: the notifier name, the holder name of its references and the owner of its work.</param>
/// <param name="Token">Its bearer token.</param>
/// <param name="Broker">The <c>amqp://</c> URL of RabbitMQ.</param>
public sealed record LedgerLink(string Pool, string Name, string Token, Uri Broker)
{
    /// <summary>Where the ledger's answers to this consumer's commands arrive.</summary>
    public string ResultsQueue => $"{Name}.{Pool}.results";

    /// <summary>Where the scenario driver and the other consumers reach this consumer (MassTransit messages).</summary>
    public string ControlQueue => ControlQueueOf(Pool, Name);

    /// <summary>The control queue of the consumer named <paramref name="name"/> in <paramref name="pool"/>.</summary>
    public static string ControlQueueOf(string pool, string name) => $"{name}.{pool}.control";

    /// <summary>The file name a consumer named <paramref name="name"/> saves its state for <paramref name="pool"/> under: letters, digits, '.', '-', '_' kept, anything else '_'.</summary>
    public static string StateFileName(string name, string pool) =>
        string.Concat($"{name}.{pool}.json".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
}
