using System.Text.Json;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// Sends a <see cref="CommandResult"/> to a command's <c>reply_to</c> queue through the default exchange as plain JSON
/// (no Wolverine envelope: a client in any language reads it), <c>correlation_id</c> = the command's message id, and
/// waits for the broker's confirm. A failure drops the connection; the next result opens a new one.
/// </summary>
public sealed class ResultPublisher(Uri broker) : IAsyncDisposable
{
    private readonly ConfirmingChannel channel = new(broker, "pasidledger-command-results");

    public Task PublishAsync(string replyTo, CommandResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        return channel.UseAsync(async opened => await opened.BasicPublishAsync(string.Empty, replyTo, mandatory: false, Properties(result),
            JsonSerializer.SerializeToUtf8Bytes(result, CommandJson.Options), ct).ConfigureAwait(false), ct);
    }

    public ValueTask DisposeAsync() => channel.DisposeAsync();

    private static BasicProperties Properties(CommandResult result) => new()
    {
        MessageId = Guid.CreateVersion7().ToString("D"),
        CorrelationId = result.CommandId,
        Type = CommandResult.MessageType,
        ContentType = ContentTypes.Json,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?> { [HeaderNames.Type] = CommandResult.MessageType, [HeaderNames.Pool] = result.Pool },
    };
}
