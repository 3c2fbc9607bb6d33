using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasidLedger.Application.Serialization;

/// <summary>The one JSON configuration of the ledger: camelCase, enums as camelCase strings.</summary>
public static class LedgerJson
{
    /// <summary>Options shared by event bodies, snapshots, read models and the API.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
