using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// Takes command messages off the ledger's command queue (<see cref="Queue"/>, durable, bound to the direct exchange
/// <see cref="Exchanges.Commands"/> with every command message type as a routing key), one at a time in arrival order,
/// hands each to <see cref="CommandEndpoint"/>, sends its result to the message's <c>reply_to</c> through the default
/// exchange (plain JSON, <c>correlation_id</c> = the command's <c>message_id</c>), and acknowledges it after that. A
/// command that failed for want of the store is returned to the queue; its message id makes the retry safe.
/// </summary>
public sealed partial class RabbitCommandListener(Uri broker, CommandEndpoint endpoint, ILogger<RabbitCommandListener> log) : BackgroundService
{
    /// <summary>The ledger's command queue, shared by every service instance.</summary>
    public const string Queue = "pasidledger.commands.ledger";

    /// <summary>How many unacknowledged commands the broker hands over at once.</summary>
    private const ushort Prefetch = 32;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = await ConnectAsync(stoppingToken).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        await DeclareAsync(channel, stoppingToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, Prefetch, global: false, stoppingToken).ConfigureAwait(false);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, stoppingToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: unacknowledged commands go back to the queue when the channel closes.
        }
    }

    /// <summary>Declares the exchange (as every party may, with the same arguments) and the ledger's queue with its bindings.</summary>
    public static async Task DeclareAsync(IChannel channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        await channel.ExchangeDeclareAsync(Exchanges.Commands, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        foreach (var type in CommandReader.MessageTypes)
        {
            await channel.QueueBindAsync(Queue, Exchanges.Commands, type, cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "pasidledger-commands" };
        while (true)
        {
            try
            {
                return await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException unreachable)
            {
                LogUnreachable(log, broker.Host, unreachable.Message);
                await Task.Delay(RetryAfter, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        var properties = delivery.BasicProperties;
        var message = new IncomingCommand(properties.Type ?? delivery.RoutingKey, properties.MessageId, Header(properties, HeaderNames.Authorization),
            Guid.TryParse(Header(properties, HeaderNames.CorrelationId), out var correlation) ? correlation : null,
            Guid.TryParse(Header(properties, HeaderNames.CausationId), out var causation) ? causation : null,
            delivery.Body.ToArray());
        CommandResult result;
        try
        {
            result = await endpoint.HandleAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            LogFailed(log, message.Type, message.MessageId, failed);
            await Task.Delay(RetryAfter, ct).ConfigureAwait(false);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, ct).ConfigureAwait(false);
            return;
        }

        if (properties.ReplyTo is { Length: > 0 } replyTo)
        {
            await channel.BasicPublishAsync(string.Empty, replyTo, mandatory: false, Reply(result), JsonSerializer.SerializeToUtf8Bytes(result, CommandJson.Options), ct)
                .ConfigureAwait(false);
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct).ConfigureAwait(false);
    }

    private static BasicProperties Reply(CommandResult result) => new()
    {
        MessageId = Guid.CreateVersion7().ToString("D"),
        CorrelationId = result.CommandId,
        Type = CommandResult.MessageType,
        ContentType = ContentTypes.Json,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?> { [HeaderNames.Type] = CommandResult.MessageType, [HeaderNames.Pool] = result.Pool },
    };

    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), string text => text, _ => null }
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ at {Host} does not answer ({Reason}); the bus command endpoint tries again")]
    private static partial void LogUnreachable(ILogger log, string host, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Type} {MessageId} failed; it goes back to the queue")]
    private static partial void LogFailed(ILogger log, string type, string? messageId, Exception failure);
}
