using System.Text;
using System.Text.Json.Nodes;

namespace PasidLedger.Application.Tests.Writing;

/// <summary>What a PostgreSQL jsonb column gives back: every object's keys sorted, shorter ones first, then by their bytes.</summary>
internal static class Jsonb
{
    public static string Stored(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => Encoding.UTF8.GetByteCount(p.Key))
            .ThenBy(p => Encoding.UTF8.GetBytes(p.Key), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
