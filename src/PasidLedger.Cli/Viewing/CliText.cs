using System.Globalization;

namespace PasidLedger.Cli.Viewing;

/// <summary>How the table commands write values: invariant numbers, "-" for nothing, times in UTC to the microsecond PostgreSQL keeps.</summary>
internal static class CliText
{
    /// <summary>RFC 3339 in UTC, so a time copied from a table can be given back to <c>show --as-of</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    public static string Optional<T>(T? value)
        where T : struct, IFormattable => value is { } present ? Number(present) : "-";

    public static string Optional(string? value) => value ?? "-";
}
