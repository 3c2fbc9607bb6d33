using MassTransit;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;

namespace PasidLedger.Consumers.Safety;

/// <summary>
/// Feeds a <see cref="SafetyChecker"/> on a running bus: a queue of its own (<see cref="EventTap"/>: kept across a restart
/// of <paramref name="broker"/>, deleted at the end) bound to the ledger's public <c>ioasid.reclaimed.v1</c> messages of one
/// pool, and on each one every consumer's <see cref="ShowState"/>, asked at once. A consumer that does not answer is reported
/// too: its tables could not be checked.
/// </summary>
public sealed class ReclaimWatch(IBus bus, Uri broker, string pool, IReadOnlyList<string> consumers, SafetyChecker checker) : IAsyncDisposable
{
    private static readonly RequestTimeout AskTimeout = RequestTimeout.After(s: 10);
    private readonly EventTap _tap = new($"reclaims.{pool}.{Guid.NewGuid():N}", broker);
    private HostReceiveEndpointHandle? _endpoint;
    private int _checked;

    /// <summary>How many reclaims were checked so far.</summary>
    public int Checked => Volatile.Read(ref _checked);

    /// <summary>Connects the temporary endpoint and waits until it receives.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _endpoint = bus.ConnectReceiveEndpoint(_tap.Name, endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                EventTap.Configure(rabbit);
                // Declared exactly as the ledger's relay declares it, or RabbitMQ refuses the second declaration.
                rabbit.Bind(Exchanges.Events, exchange =>
                {
                    exchange.ExchangeType = ExchangeType.Topic;
                    exchange.Durable = true;
                    exchange.AutoDelete = false;
                    exchange.RoutingKey = RoutingKeys.PublicEvent(pool, IoasidReclaimed.EventName);
                });
            }

            endpoint.Handler<IoasidReclaimed>(context => OnReclaimedAsync(context.Message, context.CancellationToken));
        });
        await _endpoint.Ready.WaitAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is not null)
        {
            await _endpoint.StopAsync().ConfigureAwait(false);
            await _tap.DeleteAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task OnReclaimedAsync(IoasidReclaimed reclaimed, CancellationToken ct)
    {
        var states = await Task.WhenAll(consumers.Select(name => AskAsync(name, ct))).ConfigureAwait(false);
        checker.Check(reclaimed.Id, reclaimed.Generation, states.OfType<ComponentState>());
        checker.Report([.. consumers.Zip(states).Where(asked => asked.Second is null)
            .Select(asked => new SafetyViolation(asked.First, "-", "-", reclaimed.Id, reclaimed.Generation, "did not answer ShowState; its tables could not be checked"))]);
        Interlocked.Increment(ref _checked);
    }

    private async Task<ComponentState?> AskAsync(string name, CancellationToken ct)
    {
        var client = bus.CreateRequestClient<ShowState>(new Uri($"queue:{LedgerLink.ControlQueueOf(pool, name)}"), AskTimeout);
        try
        {
            var response = await client.GetResponse<ComponentState>(new ShowState(pool), ct).ConfigureAwait(false);
            return response.Message;
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }
}
