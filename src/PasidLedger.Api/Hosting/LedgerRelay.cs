using PasidLedger.Application.Ports;
using PasidLedger.Bus;
using PasidLedger.Bus.Relay;
using PasidLedger.Postgres.Relay;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// The relay in the service (issue 11): when a broker is configured (<c>PASIDLEDGER_RABBITMQ</c> or
/// <c>Bus:RabbitMq</c>, an amqp:// URL), every pool whose lease this instance holds is relayed to it;
/// without one, the service records notifications and sends nothing, as before.
/// </summary>
internal static class LedgerRelay
{
    /// <summary>The configured broker, or null; a value that is not an amqp:// or amqps:// URL stops the service at start.</summary>
    public static Uri? Broker(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Bus:RabbitMq"] ?? configuration["PASIDLEDGER_RABBITMQ"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return BrokerUrl.TryRead(text, out var broker)
            ? broker
            : throw new InvalidOperationException("PASIDLEDGER_RABBITMQ (Bus:RabbitMq) must be an amqp:// or amqps:// URL; ./ops/rabbit status prints one.");
    }

    public static void Add(IServiceCollection services, Uri broker)
    {
        services.AddSingleton<IEventFeed, PostgresEventFeed>();
        services.AddSingleton<IRelayLeases, PostgresRelayLeases>();
        services.AddSingleton<IAppendSignals, PostgresAppendSignals>();
        services.AddSingleton<IRelayMessages, LedgerRelayMessages>();
        services.AddSingleton<IRelayPublisher>(_ => new RabbitRelayPublisher(broker));
        services.AddSingleton<Func<string, PoolRelay>>(provider => pool => new PoolRelay(pool, provider.GetRequiredService<IEventFeed>(),
            provider.GetRequiredService<IRelayMessages>(), provider.GetRequiredService<IRelayPublisher>()));
        services.AddHostedService<RelayCoordinator>();
    }
}
