using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PasidLedger.Postgres.Migrations;

/// <summary>The <c>migrations/NNNN_name.sql</c> files embedded in this assembly, in version order.</summary>
public static partial class EmbeddedMigrations
{
    [GeneratedRegex(@"\.migrations\.(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();

    /// <summary>Loads every embedded migration; throws if two files share a version number.</summary>
    public static IReadOnlyList<MigrationScript> Load()
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (match.Success)
            {
                scripts.Add(Read(assembly, resource, match));
            }
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(s => s.FileName))} share version {duplicate.Key}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    /// <summary>Lowercase hex SHA-256 of a script's bytes.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static MigrationScript Read(Assembly assembly, string resource, Match match)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} cannot be opened.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new MigrationScript(
            int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
            match.Groups["name"].Value,
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes),
            Sha256Of(bytes));
    }
}
