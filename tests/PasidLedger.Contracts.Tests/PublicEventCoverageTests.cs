using System.Text.Json;
using System.Text.Json.Nodes;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;
using PasidLedger.Bus.Relay;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;
using EventNames = PasidLedger.Domain.Events.EventNames;
using PoolEvent = PasidLedger.Domain.Events.PoolEvent;

namespace PasidLedger.Contracts.Tests;

/// <summary>
/// Every persisted event type has exactly one public message, and the body the relay builds for it
/// (<see cref="PublicEventBody"/>: the stored body plus the common fields) reads into that message and
/// writes back the same, field for field.
/// </summary>
public sealed class PublicEventCoverageTests
{
    private static readonly Type[] PublicTypes =
        [.. typeof(PublicEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PublicEvent)) && !t.IsAbstract)];

    public static TheoryData<string> PersistedNames => [.. EventNames.Types.Select(EventNames.NameOf).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PersistedNames))]
    public void EveryPersistedEvent_HasExactlyOnePublicMessage(string name) =>
        PublicTypes.Count(t => EventNameOf(t) == name).ShouldBe(1);

    [Fact]
    public void EveryPublicMessage_IsAPersistedEvent() =>
        PublicTypes.Select(EventNameOf).ShouldAllBe(name => EventNames.TypeOf(name) != null);

    [Theory]
    [MemberData(nameof(PersistedNames))]
    public void PublicMessage_IsTheStoredBodyWithTheCommonFields(string name)
    {
        foreach (var withNulls in new[] { false, true })
        {
            var recorded = new RecordedEvent(Guid.Parse("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4a"), 17, (PoolEvent)DomainSamples.Of(EventNames.TypeOf(name)!, withNulls),
                new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), Guid.Parse("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e40"), null, Guid.NewGuid(), "iommu", null);
            var expected = PublicEventBody.Of("host-a", recorded);

            var written = WireJson.ToObject(WireJson.FromObject(expected, PublicTypes.Single(t => EventNameOf(t) == name)));

            JsonNode.DeepEquals(written, expected).ShouldBeTrue($"expected {expected.ToJsonString()}\nwritten {written.ToJsonString()}");
            var storedFields = JsonNode.Parse(EventSerializer.Serialize(recorded.Event).Body)!.AsObject()
                .Select(field => PublicEventBody.Renamed.GetValueOrDefault((name, field.Key), field.Key));
            storedFields.ShouldBeSubsetOf(expected.Select(field => field.Key), "every stored field is in the public message");
        }
    }

    [Fact]
    public void PublicMessage_HasTheCommonFieldsAtTheTopLevel()
    {
        var allocated = new IoasidAllocated(42, 1, 3, 1, 1000, null)
        {
            Pool = "host-a",
            Version = 17,
            Time = DateTimeOffset.UnixEpoch,
            Caller = "vm:vmA",
            EventId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
        };

        WireJson.ToObject(allocated).Select(p => p.Key).ShouldBe(
            ["id", "generation", "setId", "min", "max", "private", "type", "pool", "version", "time", "caller", "eventId", "correlationId", "causationId"],
            ignoreOrder: true);
    }

    private static string EventNameOf(Type type) => (string)type.GetField("EventName")!.GetRawConstantValue()!;
}
