using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// The JSON of command messages and results: web defaults (camelCase), numbers only as JSON numbers, and a field
/// that is neither nullable nor defaulted is required (missing or null is an error, as over HTTP); a nullable field
/// may be left out.
/// </summary>
public static class CommandJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireNonNullable } },
    };

    private static void RequireNonNullable(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false })
            {
                property.IsRequired = true;
            }
        }
    }
}
