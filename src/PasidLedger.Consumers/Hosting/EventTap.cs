using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// The queue of one listener of the ledger's public events (the scenario timeline, the reclaim watch) that a broker restart
/// must not take away: durable and not auto-deleted, so the broker keeps it, its bindings and the persistent messages the relay
/// publishes to it while its listener reconnects. Deleted (with the exchange MassTransit gives it) when the listener is done,
/// or by the broker once nobody has used it for <see cref="Expiry"/> (its listener died).
/// </summary>
/// <remarks>
/// An auto-delete queue went away with the broker: events the relay published after the broker was back and before the
/// listener had reconnected were routed to no queue, so a timeline missed them and never settled.
/// </remarks>
public sealed record EventTap(string Name, Uri Broker)
{
    /// <summary>How long the broker keeps the queue unused: far longer than a listener takes to reconnect.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public static void Configure(IRabbitMqReceiveEndpointConfigurator endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Durable = true;
        endpoint.AutoDelete = false;
        endpoint.QueueExpiration = Expiry;
    }

    /// <summary>Deletes the queue and its exchange, once its listener stopped; with the broker down, leaves them to <see cref="Expiry"/>.</summary>
    public async Task DeleteAsync(CancellationToken ct)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = Broker, AutomaticRecoveryEnabled = false, ClientProvidedName = $"delete {Name}" };
            await using var connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
            await channel.QueueDeleteAsync(Name, cancellationToken: ct).ConfigureAwait(false);
            await channel.ExchangeDeleteAsync(Name, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (BrokerUnreachableException)
        {
            // The broker deletes the queue itself once it has been unused for Expiry; the exchange has no queue left to route to.
        }
    }
}
