namespace PasidLedger.Contracts.V1;

/// <summary>
/// AMQP message headers of the wire format (docs/wire-format.md). The AMQP properties
/// <c>message_id</c> (<see cref="MessageIds"/>), <c>type</c> (the same value as <see cref="Type"/>),
/// <c>content_type</c>, <c>correlation_id</c> and <c>reply_to</c> are used as the document says.
/// </summary>
public static class HeaderNames
{
    /// <summary>The message type (e.g. <c>ioasid.allocated.v1</c>, <c>command.allocate-ioasid.v1</c>); on every message.</summary>
    public const string Type = "pasidledger-type";

    /// <summary>The pool the message is about; on every message.</summary>
    public const string Pool = "pasidledger-pool";

    /// <summary>The pool stream version of the event a relayed message comes from; on public events, notifications and RunWork.</summary>
    public const string Version = "pasidledger-version";

    /// <summary><c>Bearer &lt;token&gt;</c>: the sender's ledger token, on every command (the same tokens as HTTP).</summary>
    public const string Authorization = "authorization";

    /// <summary>Optional on commands: the correlation id the ledger records on the events the command causes (a UUID).</summary>
    public const string CorrelationId = "pasidledger-correlation-id";

    /// <summary>Optional on commands: the id of the event that caused the command, e.g. the notification's <c>eventId</c> (a UUID).</summary>
    public const string CausationId = "pasidledger-causation-id";
}
