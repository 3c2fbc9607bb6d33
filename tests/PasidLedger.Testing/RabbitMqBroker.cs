using System.Security.Cryptography;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Testcontainers.RabbitMq;
using Xunit;

namespace PasidLedger.Testing;

/// <summary>
/// A RabbitMQ broker for tests: one container of <see cref="TestRabbitMq.Image"/> from Testcontainers, with a user
/// and password of its own, removed when the tests that share it end. Use it as an assembly fixture (one broker per
/// test assembly, like <see cref="PostgresServer"/>) or a class fixture. When no broker can be started every test
/// that uses it fails with <see cref="TestRabbitMq.HowToGetOne"/>: never a skip.
/// </summary>
/// <remarks>
/// A <see cref="Restartable"/> broker can be stopped and started again (<see cref="StopAsync"/>, <see cref="StartAsync"/>):
/// the same container, so its durable queues and persistent messages survive, on a host port chosen once, so its
/// <see cref="Url"/> stays the same for the clients that reconnect to it.
/// </remarks>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private readonly bool _restartable;
    private RabbitMqContainer? _container;

    public RabbitMqBroker()
        : this(restartable: false)
    {
    }

    private RabbitMqBroker(bool restartable) => _restartable = restartable;

    /// <summary>The broker's <c>amqp://user:password@127.0.0.1:port/</c> URL (the default virtual host), as
    /// <c>PASIDLEDGER_RABBITMQ</c> carries it.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>A broker that <see cref="StopAsync"/> and <see cref="StartAsync"/> restart on the same URL.</summary>
    public static RabbitMqBroker Restartable() => new(restartable: true);

    public async ValueTask InitializeAsync()
    {
        var builder = new RabbitMqBuilder(TestRabbitMq.Image())
            .ForThisRun()
            .WithUsername("pasidledger")
            .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        _container = (_restartable ? builder.WithPortBinding(LoopbackPorts.Free(), RabbitMqBuilder.RabbitMqPort) : builder).Build();
        await TestContainerRun.StartAsync(_container, TestRabbitMq.HowToGetOne(TestContainerRun.Suite));
        Url = _container.GetConnectionString();
    }

    /// <summary>Stops the broker's container (RabbitMQ shuts down; every client loses its connection).</summary>
    public Task StopAsync(CancellationToken ct) => Restarted.StopAsync(ct);

    /// <summary>Starts the stopped container again and waits until the broker accepts a connection at <see cref="Url"/>.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await Restarted.StartAsync(ct);
        await Poll.UntilAsync(AcceptsAsync, "the restarted broker to accept a connection", ct, TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private RabbitMqContainer Restarted => _restartable && _container is not null
        ? _container
        : throw new InvalidOperationException("Only a started RabbitMqBroker.Restartable() can be stopped and started again.");

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(Url), AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
            return true;
        }
        catch (BrokerUnreachableException)
        {
            return false;
        }
    }
}
