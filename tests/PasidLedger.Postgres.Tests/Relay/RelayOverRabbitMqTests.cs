using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Application.Writing;
using PasidLedger.Bus.Relay;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.Relay;
using RabbitMQ.Client;

namespace PasidLedger.Postgres.Tests.Relay;

/// <summary>
/// The relay end to end, from the pool stream in PostgreSQL to a real RabbitMQ: every event's public message
/// in stream order with the event's id, each notification to its recipient's queue (declared by the relay,
/// so it waits there for a consumer) in the recorded order with its delivery id, and the checkpoint past
/// what was confirmed.
/// </summary>
public sealed class RelayOverRabbitMqTests(SchemaFixture db, RabbitMqBroker broker) : IClassFixture<SchemaFixture>, IClassFixture<RabbitMqBroker>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appended_events_reach_the_broker_in_stream_order_with_their_notifications()
    {
        var pool = $"relay-{Guid.NewGuid():N}";
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.Url) }.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var events = await QueueAsync(channel, Exchanges.Events, ExchangeType.Topic, $"{pool}.#");
        await using var relay = await RelayAsync();

        await WriteAsync(pool,
            new CreatePool(pool),
            new RegisterNotifier("kvm:A", NotifierScope.Mm, null, "mm:A", Priority.Cpu, null, []),
            new CreateSet(SetType.Mm, "mm:A", 8),
            new AllocateIoasid(0, 1, 100, null),
            new AttachSpid(1, 7));

        var stored = await new PostgresEventFeed(db.Schema.DataSource).ReadAsync(pool, 0, 100, Ct);
        var published = await TakeAsync(channel, events, stored.Count);
        published.Select(m => m.BasicProperties.MessageId).ShouldBe(stored.Select(e => e.EventId.ToString("D")));
        published.Select(m => Json(m).GetProperty("version").GetInt64()).ShouldBe(stored.Select(e => e.Version));
        published.ShouldAllBe(m => m.RoutingKey == $"{pool}.{m.BasicProperties.Type}");
        var notifications = stored.Where(e => e.Event is Domain.Events.NotificationPublished).ToList();
        // Nobody consumed kvm:A's queue while the relay sent: the relay declared it, so the notifications waited there.
        var delivered = await TakeAsync(channel, QueueNames.Notifications(pool, "kvm:A"), notifications.Count);
        delivered.Select(m => Json(m).GetProperty("kind").GetString()).ShouldBe(["alloc", "bind"]);
        delivered.Select(m => m.BasicProperties.MessageId).ShouldBe(notifications.Select(e => MessageIds.ForDelivery(e.EventId, "kvm:A").ToString("D")));
        await Poll.UntilAsync(async () => await relay.Feed.CheckpointAsync(PoolRelay.Reader, pool, Ct) == stored[^1].Version, "the checkpoint follows", Ct);
    }

    [Fact]
    public async Task When_the_instance_relaying_a_pool_goes_away_another_takes_the_pool_over_from_its_checkpoint()
    {
        var pool = $"failover-{Guid.NewGuid():N}";
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.Url) }.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var events = await QueueAsync(channel, Exchanges.Events, ExchangeType.Topic, $"{pool}.#");
        var first = await RelayAsync();
        await using var second = await RelayAsync();
        await WriteAsync(pool, new CreatePool(pool), new CreateSet(SetType.Null, null, 8), new AllocateIoasid(0, 1, 100, null));
        var before = await TakeAsync(channel, events, 4); // an allocation is two events: allocated, and its ALLOC notification
        var (leader, other) = first.Coordinator.Led.Contains(pool) ? (first, second) : (second, first);
        other.Coordinator.Led.ShouldNotContain(pool);

        await leader.DisposeAsync();
        await WriteAsync(pool, new AllocateIoasid(0, 1, 100, null), new AllocateIoasid(0, 1, 100, null));

        var after = await TakeAsync(channel, events, 4);
        other.Coordinator.Led.ShouldContain(pool);
        var stored = await other.Feed.ReadAsync(pool, 0, 100, Ct);
        before.Concat(after).Select(m => m.BasicProperties.MessageId).ShouldBe(stored.Select(e => e.EventId.ToString("D")), "nothing lost, nothing repeated, in stream order");
        await first.DisposeAsync();
    }

    private static JsonElement Json(BasicGetResult message) => JsonDocument.Parse(message.Body).RootElement;

    private static async Task<string> QueueAsync(IChannel channel, string exchange, string type, string routingKey)
    {
        await channel.ExchangeDeclareAsync(exchange, type, durable: true, cancellationToken: Ct);
        var queue = (await channel.QueueDeclareAsync(cancellationToken: Ct)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey, cancellationToken: Ct);
        return queue;
    }

    private static async Task<List<BasicGetResult>> TakeAsync(IChannel channel, string queue, int count)
    {
        var taken = new List<BasicGetResult>();
        await Poll.UntilAsync(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true, Ct) is { } message)
            {
                taken.Add(message);
            }

            return taken.Count >= count;
        }, $"{count} messages on {queue}", Ct);
        taken.Count.ShouldBe(count, string.Join(", ", taken.Select(m => Encoding.UTF8.GetString(m.Body.Span))));
        return taken;
    }

    private async Task WriteAsync(string pool, params PoolCommand[] commands)
    {
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        await using var writer = new PoolWriter(pool, store, new WriterOptions(), TimeProvider.System);
        foreach (var command in commands)
        {
            (await writer.SubmitAsync(new CommandEnvelope(command, Caller: "operator:test"), Ct)).Failed.ShouldBeFalse(command.ToString());
        }
    }

    private async Task<RunningRelay> RelayAsync()
    {
        var feed = new PostgresEventFeed(db.Schema.DataSource);
        var publisher = new RabbitRelayPublisher(new Uri(broker.Url));
        var leases = new PostgresRelayLeases(db.Schema.DataSource);
        var signals = new PostgresAppendSignals(db.Schema.DataSource);
        var coordinator = new RelayCoordinator(feed, leases, signals, pool => new PoolRelay(pool, feed, new LedgerRelayMessages(), publisher),
            TimeProvider.System, NullLogger<RelayCoordinator>.Instance);
        await coordinator.StartAsync(Ct);
        return new RunningRelay(coordinator, feed, publisher, leases, signals);
    }

    private sealed record RunningRelay(RelayCoordinator Coordinator, PostgresEventFeed Feed, RabbitRelayPublisher Publisher, PostgresRelayLeases Leases,
        PostgresAppendSignals Signals) : IAsyncDisposable
    {
        private bool disposed;

        public async ValueTask DisposeAsync()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            await Coordinator.StopAsync(CancellationToken.None);
            Coordinator.Dispose();
            await Publisher.DisposeAsync();
            await Leases.DisposeAsync();
            await Signals.DisposeAsync();
        }
    }
}
