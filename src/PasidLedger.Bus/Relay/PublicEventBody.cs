using System.Text.Json;
using System.Text.Json.Nodes;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;

namespace PasidLedger.Bus.Relay;

/// <summary>
/// The body of an event's public message (docs/wire-format.md §6): the event's stored body as the ledger
/// keeps it, plus the common fields at the top level. A stored field whose name a common field takes is
/// renamed (<see cref="Renamed"/>); the Contracts tests read every such body into its public record.
/// </summary>
public static class PublicEventBody
{
    /// <summary>The JSON of the wire format: System.Text.Json's web defaults, nothing else.</summary>
    public static JsonSerializerOptions Wire { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Stored fields the public message names otherwise, because a common field has the name.</summary>
    public static IReadOnlyDictionary<(string Event, string Field), string> Renamed { get; } = new Dictionary<(string, string), string>
    {
        [(Contracts.V1.SetCreated.EventName, "type")] = "setType",
    };

    public static JsonObject Of(string pool, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var (type, stored) = EventSerializer.Serialize(recorded.Event);
        var body = new JsonObject();
        foreach (var (field, value) in JsonNode.Parse(stored)!.AsObject())
        {
            body[Renamed.GetValueOrDefault((type, field), field)] = value?.DeepClone();
        }

        body["type"] = type;
        body["pool"] = pool;
        body["version"] = recorded.Version;
        body["time"] = JsonSerializer.SerializeToNode(recorded.RecordedAt, Wire);
        body["caller"] = recorded.Caller;
        body["eventId"] = recorded.EventId;
        body["correlationId"] = recorded.CorrelationId;
        body["causationId"] = recorded.CausationId;
        return body;
    }
}
