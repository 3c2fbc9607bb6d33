using Microsoft.AspNetCore.Hosting;
using PasidLedger.Bus.Commands;
using RabbitMQ.Client;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The service with its bus: a RabbitMQ broker of its own (Testcontainers) given as <c>Bus:RabbitMq</c>, as
/// <c>PASIDLEDGER_RABBITMQ</c> gives it in production. Ready once the command endpoint consumes its queue.
/// </summary>
public class BusLedgerApi : LedgerApi, IBusLedger
{
    public BusLedgerApi(PostgresServer server)
        : this(server, new RabbitMqBroker())
    {
    }

    /// <summary>The service on <paramref name="broker"/> (e.g. <see cref="RabbitMqBroker.Restartable"/>), which it starts and removes.</summary>
    protected BusLedgerApi(PostgresServer server, RabbitMqBroker broker)
        : base(server) => Broker = broker;

    public RabbitMqBroker Broker { get; }

    public Uri BrokerUrl => new(Broker.Url);

    public async Task<string> NewPoolAsync(CancellationToken ct) => (await NewClient().NewPoolAsync()).Name;

    public override async ValueTask InitializeAsync()
    {
        await Broker.InitializeAsync();
        await base.InitializeAsync();
        await Poll.UntilAsync(ListeningAsync, "the bus command endpoint consumes its queue", TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bus:RabbitMq", Broker.Url);
    }

    private async Task<bool> ListeningAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Broker.Url) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(CommandMessages.Queue)).ConsumerCount > 0;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false; // not declared yet
        }
    }
}
