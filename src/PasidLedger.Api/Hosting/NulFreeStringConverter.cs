using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// Refuses U+0000 in any JSON string of a request body: PostgreSQL's <c>text</c> and <c>jsonb</c>
/// cannot hold it, and the kernel's strings end there. The read fails like malformed JSON (400),
/// so such a body never reaches a writer, whose whole group commit it would otherwise fail.
/// </summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("strings must not contain U+0000 (NUL)")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
