using PasidLedger.Testing;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>The image of <c>ops/docker/image rabbitmq</c> is a broker Testcontainers can start and wait for.</summary>
public sealed class RabbitMqImageTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task BrokerFromTestcontainers_ConfirmsAPublishedMessage_AndGivesItBack() =>
        await AmqpRoundTrip.PublishConfirmed_ThenGetItBack(broker.Url);
}
