using System.Text.Json;
using System.Text.Json.Serialization;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Application.Serialization;

/// <summary>Writes strings through <see cref="StorableText.MakeStorable"/> (<see cref="LedgerJson.AuditOptions"/>).</summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(StorableText.MakeStorable(value));
}
