using System.Security.Cryptography;
using Testcontainers.RabbitMq;
using Xunit;

namespace PasidLedger.Testing;

/// <summary>
/// A RabbitMQ broker for tests: one container of <see cref="TestRabbitMq.Image"/> from Testcontainers, with a user
/// and password of its own, removed when the tests that share it end. Use it as an assembly fixture (one broker per
/// test assembly, like <see cref="PostgresServer"/>) or a class fixture. When no broker can be started every test
/// that uses it fails with <see cref="TestRabbitMq.HowToGetOne"/>: never a skip.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private RabbitMqContainer? _container;

    /// <summary>The broker's <c>amqp://user:password@127.0.0.1:port/</c> URL (the default virtual host), as
    /// <c>PASIDLEDGER_RABBITMQ</c> carries it.</summary>
    public string Url { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _container = new RabbitMqBuilder(TestRabbitMq.Image())
            .ForThisRun()
            .WithUsername("pasidledger")
            .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)))
            .Build();
        await TestContainerRun.StartAsync(_container, TestRabbitMq.HowToGetOne(TestContainerRun.Suite));
        Url = _container.GetConnectionString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
