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
public sealed class RabbitRelayPublisher(Uri broker) : IRelayPublisher, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<string> declaredQueues = [];
    private IConnection? connection;
    private IChannel? channel;

    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            channel ??= await OpenAsync(ct).ConfigureAwait(false);
            var confirms = new List<Task>(messages.Count);
            foreach (var message in messages)
            {
                if (message.Queue is { } queue && declaredQueues.Add(queue))
                {
                    await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
                    await channel.QueueBindAsync(queue, message.Exchange, message.RoutingKey, cancellationToken: ct).ConfigureAwait(false);
                }

                confirms.Add(channel.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: false, Properties(message), message.Body, ct).AsTask());
            }

            await Task.WhenAll(confirms).ConfigureAwait(false);
        }
        catch
        {
            await CloseAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    private static BasicProperties Properties(OutgoingMessage message) => new()
    {
        MessageId = message.MessageId.ToString("D"),
        Type = message.Type,
        ContentType = ContentTypes.Json,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = message.Headers.ToDictionary(h => h.Key, h => (object?)Encoding.UTF8.GetBytes(h.Value)),
    };

    private async Task<IChannel> OpenAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "pasidledger-relay" };
        connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        var opened = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct).ConfigureAwait(false);
        await opened.ExchangeDeclareAsync(Exchanges.Events, ExchangeType.Topic, durable: true, cancellationToken: ct).ConfigureAwait(false);
        await opened.ExchangeDeclareAsync(Exchanges.Notifications, ExchangeType.Direct, durable: true, cancellationToken: ct).ConfigureAwait(false);
        await opened.ExchangeDeclareAsync(Exchanges.Work, ExchangeType.Direct, durable: true, cancellationToken: ct).ConfigureAwait(false);
        return opened;
    }

    private async Task CloseAsync()
    {
        declaredQueues.Clear();
        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            channel = null;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }
}
