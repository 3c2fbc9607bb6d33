using System.Text.RegularExpressions;

namespace PasidLedger.Postgres;

/// <summary>
/// Schema names end up in DDL and in <c>search_path</c>, where they cannot be bound as
/// parameters; only plain lowercase identifiers are accepted, so no quoting is needed.
/// </summary>
internal static partial class PostgresIdentifier
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    public static string EnsureSchemaName(string schemaName)
    {
        ArgumentNullException.ThrowIfNull(schemaName);
        if (!Plain().IsMatch(schemaName))
        {
            throw new ArgumentException(
                $"Schema name '{schemaName}' must be a lowercase identifier: [a-z_][a-z0-9_]*, at most 63 characters.",
                nameof(schemaName));
        }

        return schemaName;
    }
}
