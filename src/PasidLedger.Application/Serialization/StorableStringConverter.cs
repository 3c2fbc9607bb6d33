using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PasidLedger.Application.Serialization;

/// <summary>Writes strings with U+0000 and unpaired surrogates replaced by U+FFFD (<see cref="LedgerJson.AuditOptions"/>).</summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(Storable(value));

    private static string Storable(string text)
    {
        var storable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                storable.Append(text, i++, 2);
            }
            else
            {
                storable.Append(char.IsSurrogate(text[i]) || text[i] == '\0' ? '\uFFFD' : text[i]);
            }
        }

        return storable.ToString();
    }
}
