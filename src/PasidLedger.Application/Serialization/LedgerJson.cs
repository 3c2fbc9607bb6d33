using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasidLedger.Application.Serialization;

/// <summary>The one JSON configuration of the ledger: camelCase, enums as camelCase strings.</summary>
public static class LedgerJson
{
    /// <summary>Options shared by event bodies, snapshots, read models and the API.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// <see cref="Options"/> for the stored copy of a refused command, which may hold the text it was
    /// refused for: U+0000 and unpaired surrogates are written as U+FFFD, so the copy can be stored.
    /// </summary>
    public static JsonSerializerOptions AuditOptions { get; } = Create(new StorableStringConverter());

    private static JsonSerializerOptions Create(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,

            // A stored result comes back from a jsonb column, which sorts an object's keys: the
            // reply's type discriminator (CommandReply) need not come first.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
