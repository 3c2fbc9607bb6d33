using System.Globalization;
using System.Text;
using System.Text.Json;
using PasidLedger.Application.ReadModels;

namespace PasidLedger.Postgres.Projections;

/// <summary>
/// The compared columns of each view as text, normalised where the database and the projector
/// spell the same value differently: holders (jsonb sorts keys) and reactions (jsonb adds spaces).
/// </summary>
internal static class ViewFields
{
    public static (string, string)[] Of(CapacityView row) =>
        [("capacity", Text(row.Capacity)), ("available", Text(row.Available)), ("capacity_installed", Text(row.CapacityInstalled)),
         ("version", Text(row.Version))];

    public static (string, string)[] Of(SetView row) =>
        [("type", row.Type), ("token", Text(row.Token)), ("quota", Text(row.Quota)), ("count", Text(row.Count)), ("state", row.State)];

    public static (string, string)[] Of(RefcountView row) =>
        [("generation", Text(row.Generation)), ("set_id", Text(row.SetId)), ("state", row.State), ("refs", Text(row.Refs)),
         ("holders", Holders(row.Holders)), ("spid", Text(row.Spid)), ("private", Text(row.Private))];

    public static (string, string)[] Of(NotifierView row) =>
        [("name", row.Name), ("scope", row.Scope), ("set_id", Text(row.SetId)), ("token", Text(row.Token)), ("priority", row.Priority),
         ("endpoint", Text(row.Endpoint)), ("reactions", CanonicalJson(row.ReactionsJson)), ("active", Text(row.Active)),
         ("chain_order", Text(row.ChainOrder))];

    public static string Text(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string Holders(IReadOnlyDictionary<string, int> holders) =>
        "{" + string.Join(", ", holders.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {Text(h.Value)}")) + "}";

    /// <summary>Compact JSON with object keys in ordinal order, so equal documents read equal.</summary>
    private static string CanonicalJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document.RootElement);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
