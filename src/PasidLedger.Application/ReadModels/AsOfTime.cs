using System.Globalization;

namespace PasidLedger.Application.ReadModels;

/// <summary>The instant a past view is asked for (time travel, issue 9): an RFC 3339 date and time with an offset.</summary>
public static class AsOfTime
{
    /// <summary>How the HTTP API and the CLI show the expected form in their errors.</summary>
    public const string Example = "2026-12-05T10:42:00Z";

    /// <summary>RFC 3339: a date, 'T', a time and a zone (Z or ±hh:mm); no bare dates, no local times.</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        time = default;
        var zoned = text.Length > 10 && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
        return zoned && text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
