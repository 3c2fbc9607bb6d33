using PasidLedger.Contracts.V1;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.RabbitMQ;
using Wolverine.RabbitMQ.Internal;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// The Wolverine set-up of the bus command endpoint: RabbitMQ at the given URL; the durable direct exchange
/// <see cref="Exchanges.Commands"/> and the ledger's durable queue <see cref="Queue"/> bound to it once per command
/// message type; every message on it read as an <see cref="IncomingCommand"/> (the AMQP properties and headers a
/// sender in any language sets, and the raw body, which <see cref="CommandReader"/> reads by its <c>type</c>);
/// handled one at a time by <see cref="CommandMessageHandler"/> alone. A command that throws (the store does not
/// answer) is tried again after 1, 2 and 5 s (its message id makes that safe), then goes to Wolverine's dead-letter
/// queue unanswered.
/// </summary>
public static class CommandMessages
{
    /// <summary>The ledger's command queue, shared by every service instance.</summary>
    public const string Queue = "pasidledger.commands.ledger";

    // Envelope headers that carry the AMQP properties Wolverine's envelope has no place for.
    internal const string MessageIdHeader = "amqp-message-id";
    internal const string TypeHeader = "amqp-type";
    internal const string ReplyToHeader = "amqp-reply-to";

    public static WolverineOptions UseLedgerBus(this WolverineOptions options, Uri broker)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Discovery.DisableConventionalDiscovery().IncludeType(typeof(CommandMessageHandler));
        options.Policies.OnAnyException().RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        options.UseRabbitMq(broker).AutoProvision().DeclareExchange(Exchanges.Commands, exchange =>
        {
            exchange.ExchangeType = ExchangeType.Direct;
            exchange.IsDurable = true;
            foreach (var type in CommandReader.MessageTypes)
            {
                exchange.BindQueue(Queue, type);
            }
        });
        options.ListenToRabbitQueue(Queue)
            .UseInterop((_, mapper) => ReadProperties(mapper))
            .DefaultIncomingMessage<IncomingCommand>()
            .DefaultSerializer(new IncomingCommandSerializer())
            .Sequential();
        return options;
    }

    /// <summary>
    /// Every message is an <see cref="IncomingCommand"/> read by <see cref="IncomingCommandSerializer"/>; its message id
    /// (any text, not only a UUID), type and reply_to are kept as headers for it.
    /// </summary>
    private static void ReadProperties(RabbitMqEnvelopeMapper mapper)
    {
        mapper.ReceivesMessage(typeof(IncomingCommand));
        mapper.MapIncomingProperty(e => e.ContentType!, (e, _) => e.ContentType = IncomingCommandSerializer.Raw);
        mapper.MapIncomingProperty(e => e.Id, (e, properties) =>
        {
            e.Id = Guid.CreateVersion7();
            e.Headers[MessageIdHeader] = properties.MessageId;
            e.Headers[TypeHeader] = properties.Type;
            e.Headers[ReplyToHeader] = properties.ReplyTo;
        });
    }
}
