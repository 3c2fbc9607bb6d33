using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasidLedger.Application.Serialization;

/// <summary>
/// Holders as a list of <c>{"holder", "count"}</c> in their order (first acquisition), because a jsonb
/// column sorts an object's keys: a stored reply read back must list them as it first did.
/// </summary>
internal sealed class HolderListConverter : JsonConverter<IReadOnlyDictionary<string, int>>
{
    public override IReadOnlyDictionary<string, int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in JsonSerializer.Deserialize<HolderCount[]>(ref reader, options) ?? [])
        {
            holders.Add(entry.Holder, entry.Count);
        }

        return holders;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, int> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Select(pair => new HolderCount(pair.Key, pair.Value)), options);

    private sealed record HolderCount(string Holder, int Count);
}
