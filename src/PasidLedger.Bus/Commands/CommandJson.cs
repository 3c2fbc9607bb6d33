using System.Text.Json;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// The JSON of command messages and results: web defaults (camelCase), numbers only as JSON numbers, and a
/// missing or null field that is not optional is an error, as over HTTP.
/// </summary>
public static class CommandJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
