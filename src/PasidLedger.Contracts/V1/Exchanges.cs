namespace PasidLedger.Contracts.V1;

/// <summary>
/// The RabbitMQ exchanges of the wire format (docs/wire-format.md). All are durable; every message on
/// them is persistent, <see cref="ContentTypes.Json"/>, with its routing key from <see cref="RoutingKeys"/>.
/// </summary>
public static class Exchanges
{
    /// <summary>Topic exchange of the public messages (one per ledger event), sent by the relay to integrators; key <c>&lt;pool&gt;.&lt;type&gt;</c>.</summary>
    public const string Events = "pasidledger.events";

    /// <summary>Direct exchange of the <see cref="Notification"/> messages, sent by the relay to each recipient; key <c>&lt;pool&gt;.&lt;recipient&gt;</c>.</summary>
    public const string Notifications = "pasidledger.notifications";

    /// <summary>Direct exchange of the <see cref="RunWork"/> messages, sent by the relay to the work item's owner; key <c>&lt;pool&gt;.&lt;by&gt;</c>.</summary>
    public const string Work = "pasidledger.work";

    /// <summary>Direct exchange of the command messages, sent by clients and consumers to the ledger; key = the command's message type.</summary>
    public const string Commands = "pasidledger.commands";
}
