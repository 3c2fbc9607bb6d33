using System.Text;
using RabbitMQ.Client;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>Proves a broker URL works: connects, declares a queue, publishes with publisher confirms, gets the message back.</summary>
internal static class AmqpRoundTrip
{
    public static async Task PublishConfirmed_ThenGetItBack(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        // Tracking on: BasicPublishAsync returns once the broker confirmed, and throws on a nack or a return.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var queue = await channel.QueueDeclareAsync($"ops-test-{Guid.NewGuid():N}", durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        try
        {
            var messageId = Guid.NewGuid().ToString();
            var body = Encoding.UTF8.GetBytes($"{{\"probe\":\"{messageId}\"}}");

            await channel.BasicPublishAsync(string.Empty, queue.QueueName, mandatory: true,
                new BasicProperties { MessageId = messageId, ContentType = "application/json", Persistent = true }, body, ct);
            var got = await channel.BasicGetAsync(queue.QueueName, autoAck: true, ct);

            got.ShouldNotBeNull("the confirmed message is not in the queue");
            got.BasicProperties.MessageId.ShouldBe(messageId);
            got.Body.ToArray().ShouldBe(body);
        }
        finally
        {
            await channel.QueueDeleteAsync(queue.QueueName, cancellationToken: ct);
        }
    }
}
