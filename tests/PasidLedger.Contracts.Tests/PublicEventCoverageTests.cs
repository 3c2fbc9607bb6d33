using System.Text.Json;
using System.Text.Json.Nodes;
using PasidLedger.Application.Serialization;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;
using EventNames = PasidLedger.Domain.Events.EventNames;
using PoolEvent = PasidLedger.Domain.Events.PoolEvent;

namespace PasidLedger.Contracts.Tests;

/// <summary>
/// Every persisted event type has exactly one public message, and that message is the stored event body
/// (as <see cref="EventSerializer"/> writes it) plus the common fields: a relay can build it field for field.
/// </summary>
public sealed class PublicEventCoverageTests
{
    /// <summary>Stored fields the public message names otherwise, because the common fields use the name (docs/wire-format.md).</summary>
    private static readonly Dictionary<(string Event, string Field), string> Renamed = new()
    {
        [(SetCreated.EventName, "type")] = "setType",
    };

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
            var stored = StoredBody(name, withNulls);
            var expected = CommonFields(name);
            foreach (var (field, value) in stored)
            {
                expected[Renamed.GetValueOrDefault((name, field), field)] = value?.DeepClone();
            }

            var written = WireJson.ToObject(WireJson.FromObject(expected, PublicTypes.Single(t => EventNameOf(t) == name)));

            JsonNode.DeepEquals(written, expected).ShouldBeTrue($"stored {stored.ToJsonString()}\nexpected {expected.ToJsonString()}\nwritten {written.ToJsonString()}");
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

    private static JsonObject StoredBody(string name, bool withNulls) =>
        JsonNode.Parse(EventSerializer.Serialize((PoolEvent)DomainSamples.Of(EventNames.TypeOf(name)!, withNulls)).Body)!.AsObject();

    private static JsonObject CommonFields(string name) => new()
    {
        ["type"] = name,
        ["pool"] = "host-a",
        ["version"] = 17,
        ["time"] = JsonSerializer.SerializeToNode(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), WireJson.Options),
        ["caller"] = "iommu",
        ["eventId"] = "01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4a",
        ["correlationId"] = "01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e40",
        ["causationId"] = null,
    };
}
