using MassTransit;
using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// The scenario driver's own MassTransit bus: the guest's (QEMU's) results queue for its ledger commands, and a queue of its
/// own (<see cref="EventTap"/>: kept across a broker restart, deleted at the end) bound to <c>pasidledger.events</c> with
/// <c>&lt;pool&gt;.#</c> that fills the <see cref="LedgerTimeline"/>. Started before the scenario, so the timeline misses
/// nothing the scenario causes.
/// </summary>
public sealed class ScenarioBus : IAsyncDisposable
{
    private readonly EventTap _timelineTap;

    private ScenarioBus(IBusControl bus, LedgerTimeline timeline, LedgerCommands guest, EventTap timelineTap)
    {
        Bus = bus;
        Timeline = timeline;
        Guest = guest;
        _timelineTap = timelineTap;
    }

    public IBus Bus { get; }

    public LedgerTimeline Timeline { get; }

    /// <summary>The guest's commands to the ledger, under its own token (the VM's <c>mm:&lt;vm&gt;</c>).</summary>
    public LedgerCommands Guest { get; }

    public static async Task<ScenarioBus> StartAsync(LedgerLink guest, ILoggerFactory logs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(logs);
        var pending = new PendingResults();
        var timeline = new LedgerTimeline();
        var timelineTap = new EventTap($"timeline.{guest.Pool}.{Guid.NewGuid():N}", guest.Broker);
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.UseBroker(guest.Broker);
            rabbit.AddRawJsonSerializer(RawSerializerOptions.AnyMessageType);
            rabbit.ReceiveEndpoint(guest.ResultsQueue, results =>
            {
                results.ConfigureConsumeTopology = false;
                results.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                results.Consumer(() => new CommandResultConsumer(pending));
            });
            rabbit.ReceiveEndpoint(timelineTap.Name, events =>
            {
                events.ConfigureConsumeTopology = false;
                EventTap.Configure(events);
                events.ConcurrentMessageLimit = 1; // one at a time, so the timeline sees them in the order they came (Arrivals)
                events.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                events.Bind(Exchanges.Events, binding =>
                {
                    binding.ExchangeType = "topic";
                    binding.Durable = true;
                    binding.AutoDelete = false;
                    binding.RoutingKey = $"{guest.Pool}.#";
                });
                events.Instance(timeline);
            });
        });
        await bus.StartAsync(ct).ConfigureAwait(false);
        return new ScenarioBus(bus, timeline, new LedgerCommands(bus, pending, guest, logs.CreateLogger<LedgerCommands>()), timelineTap);
    }

    public async ValueTask DisposeAsync()
    {
        await ((IBusControl)Bus).StopAsync().ConfigureAwait(false);
        await _timelineTap.DeleteAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
