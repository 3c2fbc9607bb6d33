using MassTransit;

namespace PasidLedger.Consumers.Hosting;

/// <summary>Points MassTransit at an <c>amqp://user:password@host:port/vhost</c> URL (<c>amqps://</c>: TLS, port 5671 unless given), as <c>PASIDLEDGER_RABBITMQ</c> carries it.</summary>
public static class BrokerAddress
{
    public static void UseBroker(this IRabbitMqBusFactoryConfigurator rabbit, Uri broker)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        ArgumentNullException.ThrowIfNull(broker);
        var user = broker.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        var tls = broker.Scheme == "amqps";
        var port = broker.IsDefaultPort || broker.Port < 0 ? (tls ? 5671 : 5672) : broker.Port;
        rabbit.Host(broker.Host, (ushort)port, virtualHost.Length == 0 ? "/" : virtualHost, host =>
        {
            if (tls)
            {
                host.UseSsl(ssl => ssl.ServerName = broker.Host);
            }

            if (user[0].Length > 0)
            {
                host.Username(Uri.UnescapeDataString(user[0]));
                host.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : string.Empty);
            }
        });
    }
}
