using RabbitMQ.Client;

namespace PasidLedger.Bus;

/// <summary>
/// One RabbitMQ channel with publisher confirms, shared by its callers one at a time: opened on first use
/// (then <paramref name="opened"/> runs, e.g. to declare exchanges), and dropped with its connection when a use
/// fails, so the next use opens a new one. The relay and the command results each have their own.
/// </summary>
public sealed class ConfirmingChannel(Uri broker, string clientName, Func<IChannel, CancellationToken, Task>? opened = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;
    private IChannel? channel;

    /// <summary>Runs <paramref name="use"/> on the channel; a publish awaited in it returns once the broker confirmed.</summary>
    public async Task UseAsync(Func<IChannel, Task> use, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(use);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            channel ??= await OpenAsync(ct).ConfigureAwait(false);
            await use(channel).ConfigureAwait(false);
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

    private async Task<IChannel> OpenAsync(CancellationToken ct)
    {
        connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = clientName }.CreateConnectionAsync(ct).ConfigureAwait(false);
        var created = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct).ConfigureAwait(false);
        if (opened is not null)
        {
            await opened(created, ct).ConfigureAwait(false);
        }

        return created;
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
