using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Bus.Relay;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.Safety;
using PasidLedger.Consumers.Scenarios;
using PasidLedger.Contracts.V1;
using RabbitMQ.Client;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// Faults (issue 11): RabbitMQ restarted while DOMAIN.md 5.7 plays. Every client loses its connection at once: the ledger's
/// relay and result sender, its Wolverine command listener, the four consumer processes and the guest driver's bus with
/// its timeline. The broker keeps its durable queues and persistent messages; everything reconnects on its own, and the
/// scenario ends as it does on a broker that never went away, its timeline missing no event of the pool.
/// </summary>
public sealed class BrokerRestartScenarioTests(RestartingBrokerLedgerApi api) : IClassFixture<RestartingBrokerLedgerApi>
{
    private const string TheFree = "REQUEST_FREE(H)";

    /// <param name="when">
    /// <c>before the free</c>: stopped between two steps, so QEMU's free is sent while the broker is down or starting;
    /// <c>while the free's work runs</c>: stopped once the FREE chain queued the IOMMU's cleanup, with notifications,
    /// acknowledgements, work and the consumers' commands in flight.
    /// </param>
    [Theory]
    [InlineData("before the free")]
    [InlineData("while the free's work runs")]
    public async Task BrokerRestarted_DeliveryResumes_AndFreeBeforeUnbindEndsAsWithoutTheRestart(string when)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stage = await ScenarioStage.StartAsync(api, ct);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? restarted = null;
        stage.Steps.BeforeStep = (action, _) =>
        {
            if (restarted is not null || !action.StartsWith(TheFree, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var from = stage.Bus.Timeline.Events[^1].Version;
            restarted = RestartAsync(stage, when == "before the free" ? _ => true : events => events.Any(e => e.Version > from && e.Type == "work.queued.v1"), stopped, ct);
            return when == "before the free" ? stopped.Task : Task.CompletedTask;
        };

        var h = await GuestScenarios.FreeBeforeUnbind.Play(stage.Driver, stage.Steps, ct);

        (restarted is not null).ShouldBeTrue("the scenario reached its free");
        await restarted!;
        var events = stage.Bus.Timeline.Events;
        events.Zip(events.Skip(1)).ShouldAllBe(pair => pair.Second.Version == pair.First.Version + 1, "the timeline missed no event of the pool");
        LedgerTimeline.IsSettled(events).ShouldBeTrue("every notification acknowledged, every work item completed");
        await GuestScenarioChecks.ShouldHavePlayedAsync(GuestScenarios.FreeBeforeUnbind, stage, new TimelineFacts(events, h), h);
    }

    /// <summary>
    /// Regression: the timeline's and the reclaim watch's queues were auto-delete, so the broker restarted without them, and a
    /// public event the relay published before their bus had reconnected went to no queue: the timeline never settled.
    /// </summary>
    [Fact]
    public async Task EventPublishedAsTheRestartedBrokerComesBack_ReachesTheTimelineAndTheReclaimWatch_BeforeTheirBusReconnects()
    {
        var ct = TestContext.Current.CancellationToken;
        var broker = new Uri(api.Broker.Url);
        var pool = $"tap-{Guid.NewGuid():N}";
        await using var bus = await ScenarioBus.StartAsync(new LedgerLink(pool, "mm:A", "unused", broker), NullLoggerFactory.Instance, ct);
        await using var watch = new ReclaimWatch(bus.Bus, broker, pool, [], new SafetyChecker(NullLogger<SafetyChecker>.Instance));
        await watch.StartAsync(ct);

        await api.Broker.StopAsync(ct);
        await api.Broker.StartAsync(ct);
        await PublishReclaimedAsync(broker, pool, ct);

        await bus.Timeline.WaitUntilAsync(events => events.Any(e => e.Type == IoasidReclaimed.EventName), "the reclaim on the timeline", TimeSpan.FromSeconds(60), ct);
        await Poll.UntilAsync(() => Task.FromResult(watch.Checked == 1), "the reclaim watch to check the reclaim", ct, TimeSpan.FromSeconds(60));
    }

    /// <summary>A public <c>ioasid.reclaimed.v1</c> of <paramref name="pool"/>, persistent, as the relay sends it.</summary>
    private static async Task PublishReclaimedAsync(Uri broker, string pool, CancellationToken ct)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var reclaimed = new IoasidReclaimed(7, 1, 0) { Pool = pool, Version = 1, Time = DateTimeOffset.UnixEpoch, Caller = null, EventId = Guid.NewGuid(), CorrelationId = Guid.NewGuid() };
        var body = JsonSerializer.SerializeToUtf8Bytes(reclaimed, PublicEventBody.Wire);
        var properties = new BasicProperties { MessageId = Guid.NewGuid().ToString("D"), Type = IoasidReclaimed.EventName, ContentType = ContentTypes.Json, DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(Exchanges.Events, RoutingKeys.PublicEvent(pool, IoasidReclaimed.EventName), mandatory: false, properties, body, ct);
    }

    /// <summary>Once the timeline satisfies <paramref name="due"/>: the broker stopped (then <paramref name="stopped"/>) and started again.</summary>
    private async Task RestartAsync(ScenarioStage stage, Func<IReadOnlyList<TimelineEvent>, bool> due, TaskCompletionSource stopped, CancellationToken ct)
    {
        await stage.Bus.Timeline.WaitUntilAsync(due, "the moment to stop the broker", TimeSpan.FromSeconds(60), ct);
        await api.Broker.StopAsync(ct);
        stopped.SetResult();
        await api.Broker.StartAsync(ct);
    }
}
