using System.Text;

namespace PasidLedger.Domain.Commands;

/// <summary>
/// Text the ledger can store and replay exactly: well-formed UTF-16 (an unpaired surrogate would be
/// written as U+FFFD by any JSON writer) without U+0000 (PostgreSQL text cannot hold it).
/// </summary>
public static class StorableText
{
    public static bool IsStorable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length;)
        {
            var units = UnitLength(text, i);
            if (units == 0)
            {
                return false;
            }

            i += units;
        }

        return true;
    }

    /// <summary><paramref name="text"/> with every U+0000 and unpaired surrogate replaced by U+FFFD.</summary>
    public static string MakeStorable(string text)
    {
        if (IsStorable(text))
        {
            return text;
        }

        var storable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            switch (UnitLength(text, i))
            {
                case 0:
                    storable.Append('\uFFFD');
                    break;
                case 2:
                    storable.Append(text, i++, 2);
                    break;
                default:
                    storable.Append(text[i]);
                    break;
            }
        }

        return storable.ToString();
    }

    /// <summary>The UTF-16 units of the character at <paramref name="i"/>: 2 for a surrogate pair, 1, or 0 when it cannot be stored.</summary>
    private static int UnitLength(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2
        : char.IsSurrogate(text[i]) || text[i] == '\0' ? 0
        : 1;
}
