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
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;
    private IChannel? channel;

    public async Task PublishAsync(string replyTo, CommandResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            channel ??= await OpenAsync(ct).ConfigureAwait(false);
            await channel.BasicPublishAsync(string.Empty, replyTo, mandatory: false, Properties(result),
                JsonSerializer.SerializeToUtf8Bytes(result, CommandJson.Options), ct).ConfigureAwait(false);
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

    private static BasicProperties Properties(CommandResult result) => new()
    {
        MessageId = Guid.CreateVersion7().ToString("D"),
        CorrelationId = result.CommandId,
        Type = CommandResult.MessageType,
        ContentType = ContentTypes.Json,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = new Dictionary<string, object?> { [HeaderNames.Type] = CommandResult.MessageType, [HeaderNames.Pool] = result.Pool },
    };

    private async Task<IChannel> OpenAsync(CancellationToken ct)
    {
        connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "pasidledger-command-results" }.CreateConnectionAsync(ct).ConfigureAwait(false);
        return await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct)
            .ConfigureAwait(false);
    }

    private async Task CloseAsync()
    {
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
