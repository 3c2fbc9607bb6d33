using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PasidLedger.Application.Writing;
using PasidLedger.Bus.Relay;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres;
using PasidLedger.Postgres.Migrations;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.Relay;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace PasidLedger.Benchmarks.Bus;

/// <summary>
/// <c>bus</c>: append → consumer receipt over RabbitMQ, after an untimed 3 s warm-up at the goal rate. Lifecycles (alloc, free) run at a target rate of
/// notifications per second against one pool with <c>--consumers</c> notifiers on its set (ALLOC goes to the set chain); the relay sends each
/// ALLOC notification to every consumer's queue, where a RabbitMQ.Client consumer takes it and notes
/// receipt − event time. Phases: the goal rate, then doubling rates until the p99 passes 100 ms or the
/// writer cannot keep up; last, failover: the relaying instance goes away and the time until the other
/// instance's first delivery is measured. Usage:
/// <c>bus --connection CS --rabbit URL [--rate 1000] [--seconds 15] [--consumers 3]</c>.
/// </summary>
internal static class BusBench
{
    private const double P99LimitMs = 100;

    /// <summary>The relays' warnings (a broker or store they cannot reach) on the console, beside the figures.</summary>
    private static readonly ILoggerFactory Logs = LoggerFactory.Create(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information));

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection") ?? throw new InvalidOperationException("pass --connection");
        var rabbit = new Uri(Option(args, "--rabbit") ?? throw new InvalidOperationException("pass --rabbit"));
        var rate = int.Parse(Option(args, "--rate") ?? "1000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "15", CultureInfo.InvariantCulture);
        var consumers = int.Parse(Option(args, "--consumers") ?? "3", CultureInfo.InvariantCulture);
        await using var dataSource = PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = connection });
        await new Migrator(dataSource, "public").MigrateAsync(CancellationToken.None);
        var pool = $"bus-{DateTime.UtcNow:HHmmss}";
        using var store = new PostgresPoolStore(dataSource);
        await using var writers = new PoolWriters(store, new WriterOptions(), TimeProvider.System);
        var names = Enumerable.Range(1, consumers).Select(i => $"consumer-{i}").ToArray();
        await SetUpAsync(writers, pool, names);

        var receipts = new Receipts();
        var amqp = await new ConnectionFactory { Uri = rabbit, ConsumerDispatchConcurrency = 1 }.CreateConnectionAsync();
        await using var _ = amqp;
        foreach (var name in names)
        {
            await ConsumeAsync(amqp, pool, name, receipts);
        }

        var first = await Relay.StartAsync(dataSource, rabbit);
        var second = await Relay.StartAsync(dataSource, rabbit);
        // Untimed: the first seconds pay for JIT, connections and the recipients' queue declarations.
        await RunPhaseAsync(writers, pool, rate, TimeSpan.FromSeconds(3), receipts, consumers);
        Console.WriteLine($"pool {pool}, {consumers} consumers, {seconds} s per rate after a 3 s warm-up");
        var results = new List<(int Rate, Phase Phase)>();
        for (var target = rate; ; target *= 2)
        {
            var phase = await RunPhaseAsync(writers, pool, target, TimeSpan.FromSeconds(seconds), receipts, consumers);
            results.Add((target, phase));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rate {target}/s: sent {phase.Achieved:F0}/s, received {phase.Received:N0} of {phase.Expected:N0}, p50 {phase.P50:F1} ms, p99 {phase.P99:F1} ms, max {phase.Max:F1} ms"));
            if (phase.P99 > P99LimitMs || phase.Achieved < target * 0.9)
            {
                break;
            }
        }

        var failoverMs = await FailoverAsync(writers, pool, first, second, receipts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failover: the other instance delivered {failoverMs:F0} ms after the relaying one went away"));
        await first.DisposeAsync();
        await second.DisposeAsync();
        var goal = results[0].Phase;
        var sustained = results.Where(r => r.Phase.P99 <= P99LimitMs && r.Phase.Achieved >= r.Rate * 0.9).Select(r => r.Rate).DefaultIfEmpty(0).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bus-result rate={rate} consumers={consumers} p50_ms={goal.P50:F1} p99_ms={goal.P99:F1} sustained_rate={sustained} failover_ms={failoverMs:F0}"));
        return 0;
    }

    private static async Task SetUpAsync(PoolWriters writers, string pool, string[] names)
    {
        PoolCommand[] commands =
        [
            new CreatePool(pool),
            new CreateSet(SetType.Null, null, 0),
            .. names.Select(name => (PoolCommand)new RegisterNotifier(name, NotifierScope.Set, 0, null, Priority.Device, null, [])),
        ];
        foreach (var command in commands)
        {
            var result = await writers.SubmitAsync(pool, new CommandEnvelope(command, Caller: "operator:bench"));
            if (result.Failed)
            {
                throw new InvalidOperationException($"{command} failed: {result.Reason} {result.Detail}");
            }
        }
    }

    /// <summary>Alloc+free lifecycles from 16 loops, paced to <paramref name="rate"/> ALLOC notifications per second.</summary>
    private static async Task<Phase> RunPhaseAsync(PoolWriters writers, string pool, int rate, TimeSpan length, Receipts receipts, int consumers)
    {
        receipts.Reset();
        const int Loops = 16;
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        var interval = TimeSpan.FromSeconds(Loops / (double)rate);
        await Task.WhenAll(Enumerable.Range(0, Loops).Select(async loop =>
        {
            var next = Stopwatch.GetElapsedTime(started) + interval * loop / Loops;
            while (Stopwatch.GetElapsedTime(started) < length)
            {
                var wait = next - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                next += interval;
                var allocated = await writers.SubmitAsync(pool, new CommandEnvelope(new AllocateIoasid(0, 1, 1_000_000, null), Caller: "operator:bench"));
                if (allocated.Reply is IoasidGranted granted)
                {
                    Interlocked.Increment(ref sent);
                    await writers.SubmitAsync(pool, new CommandEnvelope(new FreeIoasid(granted.Id, 0, granted.Generation), Caller: "operator:bench"));
                }
            }
        }));
        var achieved = sent / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var expected = (long)sent * consumers;
        var drained = Stopwatch.GetTimestamp();
        while (receipts.Count < expected && Stopwatch.GetElapsedTime(drained) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var sorted = receipts.Latencies();
        return new Phase(achieved, receipts.Count, expected, Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted.Count > 0 ? sorted[^1] : double.NaN);
    }

    /// <summary>Disposes the relaying instance between two lifecycles and times the other's first delivery after it.</summary>
    private static async Task<double> FailoverAsync(PoolWriters writers, string pool, Relay first, Relay second, Receipts receipts)
    {
        var leader = first.Coordinator.Led.Contains(pool) ? first : second;
        await leader.DisposeAsync();
        var gone = DateTimeOffset.UtcNow;
        receipts.Reset();
        var allocated = await writers.SubmitAsync(pool, new CommandEnvelope(new AllocateIoasid(0, 1, 1_000_000, null), Caller: "operator:bench"));
        var waited = Stopwatch.GetTimestamp();
        while (receipts.Count == 0 && Stopwatch.GetElapsedTime(waited) < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(10);
        }

        if (allocated.Reply is IoasidGranted granted)
        {
            await writers.SubmitAsync(pool, new CommandEnvelope(new FreeIoasid(granted.Id, 0, granted.Generation), Caller: "operator:bench"));
        }

        return receipts.Count == 0 ? double.NaN : (receipts.FirstAt - gone).TotalMilliseconds;
    }

    private static async Task ConsumeAsync(IConnection amqp, string pool, string name, Receipts receipts)
    {
        var channel = await amqp.CreateChannelAsync();
        var queue = QueueNames.Notifications(pool, name);
        await channel.ExchangeDeclareAsync(Exchanges.Notifications, ExchangeType.Direct, durable: true);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, Exchanges.Notifications, RoutingKeys.Notification(pool, name));
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var now = DateTimeOffset.UtcNow;
            var sentAt = JsonDocument.Parse(delivery.Body).RootElement.GetProperty("time").GetDateTimeOffset();
            receipts.Add(now, (now - sentAt).TotalMilliseconds);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed record Phase(double Achieved, long Received, long Expected, double P50, double P99, double Max);

    /// <summary>Receipt latencies of the current phase, from every consumer.</summary>
    private sealed class Receipts
    {
        private ConcurrentQueue<(DateTimeOffset At, double Ms)> received = new();

        public long Count => received.Count;

        public DateTimeOffset FirstAt => received.TryPeek(out var first) ? first.At : DateTimeOffset.MaxValue;

        public void Add(DateTimeOffset at, double ms) => received.Enqueue((at, ms));

        public void Reset() => received = new();

        public List<double> Latencies() => [.. received.Select(r => r.Ms).Order()];
    }

    /// <summary>One service instance's relay, as <c>serve</c> runs it.</summary>
    private sealed record Relay(RelayCoordinator Coordinator, RabbitRelayPublisher Publisher, PostgresRelayLeases Leases) : IAsyncDisposable
    {
        private bool disposed;

        public static async Task<Relay> StartAsync(Npgsql.NpgsqlDataSource dataSource, Uri rabbit)
        {
            var feed = new PostgresEventFeed(dataSource);
            var publisher = new RabbitRelayPublisher(rabbit);
            var leases = new PostgresRelayLeases(dataSource);
            var coordinator = new RelayCoordinator(feed, leases, new PostgresAppendSignals(dataSource),
                pool => new PoolRelay(pool, feed, new LedgerRelayMessages(), publisher), TimeProvider.System, Logs.CreateLogger<RelayCoordinator>());
            await coordinator.StartAsync(CancellationToken.None);
            return new Relay(coordinator, publisher, leases);
        }

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
        }
    }
}
