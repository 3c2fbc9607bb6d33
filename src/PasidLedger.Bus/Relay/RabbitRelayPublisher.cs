using System.Text;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;

namespace PasidLedger.Bus.Relay;

/// <summary>
/// Sends the relay's messages to RabbitMQ with publisher confirms: the messages of a batch go out one after
/// another on one channel (so the broker keeps their order) without waiting in between, then every
/// confirm is awaited. A failure drops the connection; the next batch opens a new one (and the relay sends
/// the failed batch again). Declares the wire format's exchanges (durable) when it connects, and each
/// recipient's queue the first time it sends to it on a connection.
/// </summary>
/// <remarks>
/// The relay uses RabbitMQ.Client directly rather than Wolverine: its subscription relay measured about
/// 60 s failover and 130–160 messages/s here (STACK.md), against goals of 5 s and more than the writer
/// produces; leases, checkpoints and confirms are the relay's own (ARCHITECTURE.md 3).
/// </remarks>
public sealed class RabbitRelayPublisher : IRelayPublisher, IAsyncDisposable
{
    private readonly HashSet<string> declaredQueues = [];
    private readonly ConfirmingChannel channel;

    public RabbitRelayPublisher(Uri broker) => channel = new(broker, "pasidledger-relay", DeclareExchangesAsync);

    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return channel.UseAsync(async opened =>
        {
            var confirms = new List<Task>(messages.Count);
            foreach (var message in messages)
            {
                if (message.Queue is { } queue && declaredQueues.Add(queue))
                {
                    await opened.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
                    await opened.QueueBindAsync(queue, message.Exchange, message.RoutingKey, cancellationToken: ct).ConfigureAwait(false);
                }

                confirms.Add(opened.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: false, Properties(message), message.Body, ct).AsTask());
            }

            await Task.WhenAll(confirms).ConfigureAwait(false);
        }, ct);
    }

    public ValueTask DisposeAsync() => channel.DisposeAsync();

    private static BasicProperties Properties(OutgoingMessage message) => new()
    {
        MessageId = message.MessageId.ToString("D"),
        Type = message.Type,
        ContentType = ContentTypes.Json,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = message.Headers.ToDictionary(h => h.Key, h => (object?)Encoding.UTF8.GetBytes(h.Value)),
    };

    /// <summary>On a new connection: the exchanges, and no queue declared yet (a broker restart may have lost non-durable state).</summary>
    private async Task DeclareExchangesAsync(IChannel opened, CancellationToken ct)
    {
        declaredQueues.Clear();
        await opened.ExchangeDeclareAsync(Exchanges.Events, ExchangeType.Topic, durable: true, cancellationToken: ct).ConfigureAwait(false);
        await opened.ExchangeDeclareAsync(Exchanges.Notifications, ExchangeType.Direct, durable: true, cancellationToken: ct).ConfigureAwait(false);
        await opened.ExchangeDeclareAsync(Exchanges.Work, ExchangeType.Direct, durable: true, cancellationToken: ct).ConfigureAwait(false);
    }
}
