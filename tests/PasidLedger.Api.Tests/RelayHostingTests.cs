using Microsoft.AspNetCore.Hosting;
using PasidLedger.Api.Tests.Support;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;

namespace PasidLedger.Api.Tests;

/// <summary>The service relays its pools to the broker it is given (PASIDLEDGER_RABBITMQ), and refuses to start with a broker URL it cannot use.</summary>
public sealed class RelayHostingTests(LedgerApi api, RabbitMqBroker broker) : IClassFixture<LedgerApi>, IClassFixture<RabbitMqBroker>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_given_a_broker_publishes_each_event_of_its_pools()
    {
        var pool = $"hosted-{Guid.NewGuid():N}";
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.Url) }.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        await channel.ExchangeDeclareAsync(Exchanges.Events, ExchangeType.Topic, durable: true, cancellationToken: Ct);
        var queue = (await channel.QueueDeclareAsync(cancellationToken: Ct)).QueueName;
        await channel.QueueBindAsync(queue, Exchanges.Events, $"{pool}.#", cancellationToken: Ct);
        await using var relaying = api.WithWebHostBuilder(host => host.UseSetting("Bus:RabbitMq", broker.Url));
        var client = new LedgerClient(relaying.CreateDefaultClient(), api);

        (await client.SendAsync(HttpMethod.Put, $"/v1/pools/{pool}")).ShouldHaveStatus(200);

        BasicGetResult? created = null;
        await Poll.UntilAsync(async () => (created = await channel.BasicGetAsync(queue, autoAck: true, Ct)) is not null, "pool.created.v1 on the broker", Ct);
        created!.BasicProperties.Type.ShouldBe("pool.created.v1");
        created.RoutingKey.ShouldBe($"{pool}.pool.created.v1");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5672/")]
    [InlineData("not a url")]
    public void A_broker_setting_that_is_not_an_amqp_url_stops_the_service_at_start(string url)
    {
        using var misconfigured = api.WithWebHostBuilder(host => host.UseSetting("Bus:RabbitMq", url));

        Should.Throw<InvalidOperationException>(() => misconfigured.Server).Message.ShouldContain("PASIDLEDGER_RABBITMQ");
    }
}
