using System.Text.Json;
using System.Text.Json.Nodes;

namespace PasidLedger.Contracts.Tests;

/// <summary>JSON as any client of the wire format writes it: System.Text.Json's web defaults (camelCase), nothing else.</summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static JsonObject ToObject(object message) =>
        JsonSerializer.SerializeToNode(message, message.GetType(), Options)!.AsObject();

    public static object FromObject(JsonObject body, Type type) =>
        body.Deserialize(type, Options) ?? throw new JsonException($"{type.Name} read as null.");

    /// <summary>The JSON property names of <paramref name="type"/>'s public properties, as web defaults write them.</summary>
    public static IReadOnlySet<string> PropertyNames(Type type) =>
        type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
}
