using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// A client of the bus command endpoint in plain RabbitMQ.Client, as a team in any language would write it from
/// docs/wire-format.md: commands to <c>pasidledger.commands</c> with the message type as routing key and <c>type</c>,
/// the token in <c>authorization</c>, results read from its own exclusive reply queue by <c>correlation_id</c>.
/// </summary>
public sealed class BusClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> replies = new();
    private IConnection? connection;
    private IChannel? channel;
    private string replyQueue = string.Empty;

    /// <summary>A result as it arrived: its AMQP properties and its JSON body.</summary>
    public sealed record Reply(string? Type, string? ContentType, string? CorrelationId, JsonElement Body);

    public static async Task<BusClient> ConnectAsync(string url)
    {
        var client = new BusClient();
        client.connection = await new ConnectionFactory { Uri = new Uri(url) }.CreateConnectionAsync();
        client.channel = await client.connection.CreateChannelAsync();
        client.replyQueue = (await client.channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        var consumer = new AsyncEventingBasicConsumer(client.channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var p = delivery.BasicProperties;
            client.replies.GetOrAdd(p.CorrelationId ?? string.Empty, _ => new()).Enqueue(
                new Reply(p.Type, p.ContentType, p.CorrelationId, JsonDocument.Parse(delivery.Body).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await client.channel.BasicConsumeAsync(client.replyQueue, autoAck: true, consumer);
        return client;
    }

    /// <summary>Sends <paramref name="body"/> (an object to serialize, or raw JSON text) and waits for its result.</summary>
    public async Task<Reply> SendAsync(string type, object body, string? token, string? messageId = null)
    {
        messageId ??= Guid.NewGuid().ToString("D");
        var bytes = body is string raw ? Encoding.UTF8.GetBytes(raw) : JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = type,
            ContentType = ContentTypes.Json,
            DeliveryMode = DeliveryModes.Persistent,
            ReplyTo = replyQueue,
            Headers = token is null ? null : new Dictionary<string, object?> { [HeaderNames.Authorization] = $"Bearer {token}" },
        };
        var answered = replies.TryGetValue(messageId, out var before) ? before.Count : 0;
        await channel!.BasicPublishAsync(Exchanges.Commands, type, mandatory: true, properties, bytes);
        Reply? reply = null;
        await Poll.UntilAsync(() => Task.FromResult(replies.TryGetValue(messageId, out var got) && got.Count > answered
            && got.Skip(answered).FirstOrDefault() is { } r && (reply = r) is not null), $"the result of {type} {messageId}", TestContext.Current.CancellationToken);
        return reply!;
    }

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
