using MassTransit;

namespace PasidLedger.Consumers.Hosting;

/// <summary>Points MassTransit at an <c>amqp://user:password@host:port/vhost</c> URL, as <c>PASIDLEDGER_RABBITMQ</c> carries it.</summary>
public static class BrokerAddress
{
    public static void UseBroker(this IRabbitMqBusFactoryConfigurator rabbit, Uri broker)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        ArgumentNullException.ThrowIfNull(broker);
        var user = broker.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), virtualHost.Length == 0 ? "/" : virtualHost, host =>
        {
            if (user[0].Length > 0)
            {
                host.Username(Uri.UnescapeDataString(user[0]));
                host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : string.Empty);
            }
        });
    }
}
