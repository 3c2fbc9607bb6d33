using System.Text.Json;

namespace PasidLedger.Application.Serialization;

/// <summary>
/// Holders as the read model stores them: a list of <c>{"holder", "count"}</c> in first-acquisition order
/// (<see cref="HolderListConverter"/>), since a jsonb object would sort the names.
/// </summary>
public static class HolderList
{
    private static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(IReadOnlyDictionary<string, int> holders) => JsonSerializer.Serialize(holders, Options);

    public static IReadOnlyDictionary<string, int> Deserialize(string json) =>
        JsonSerializer.Deserialize<IReadOnlyDictionary<string, int>>(json, Options) ?? throw new JsonException("Holders are null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(LedgerJson.Options);
        options.Converters.Add(new HolderListConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
