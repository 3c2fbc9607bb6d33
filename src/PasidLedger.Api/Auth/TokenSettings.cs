using Microsoft.IdentityModel.Tokens;

namespace PasidLedger.Api.Auth;

/// <summary>
/// What tokens are checked against and signed with: issuer, audience and the service's HMAC keys. The
/// first key signs; every key is accepted, so a new key can be put first while tokens signed with the
/// old one stay valid until it is removed (rotation). Keys come from configuration, never the repository:
/// <c>Auth:Keys</c> / <c>PASIDLEDGER_JWT_KEYS</c> (base64, separated by commas or whitespace) or
/// <c>Auth:KeyFile</c> / <c>PASIDLEDGER_JWT_KEY_FILE</c> (a file of such keys, one per line).
/// </summary>
public sealed record TokenSettings(string Issuer, string Audience, IReadOnlyList<SymmetricSecurityKey> Keys)
{
    public const string DefaultIssuer = "pasidledger";
    public const string DefaultAudience = "pasidledger-api";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinKeyBytes = 32;

    public static readonly string Missing =
        "No token signing key: set PASIDLEDGER_JWT_KEY_FILE (a file of base64 keys, one per line) or PASIDLEDGER_JWT_KEYS "
        + "(or Auth:KeyFile / Auth:Keys); ./ops/run creates a development key under .data/ on first use.";

    public SymmetricSecurityKey SigningKey => Keys[0];

    /// <summary>The settings in <paramref name="configuration"/>; throws <see cref="InvalidOperationException"/> naming what is wrong.</summary>
    public static TokenSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Auth:Keys"] ?? configuration["PASIDLEDGER_JWT_KEYS"];
        if (string.IsNullOrWhiteSpace(text) && (configuration["Auth:KeyFile"] ?? configuration["PASIDLEDGER_JWT_KEY_FILE"]) is { Length: > 0 } file)
        {
            text = File.Exists(file) ? File.ReadAllText(file) : throw new InvalidOperationException($"The token key file {file} does not exist. {Missing}");
        }

        var keys = (text ?? string.Empty).Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Key).ToList();
        return keys.Count == 0
            ? throw new InvalidOperationException(Missing)
            : new TokenSettings(configuration["Auth:Issuer"] ?? DefaultIssuer, configuration["Auth:Audience"] ?? DefaultAudience, keys);
    }

    /// <summary>A new random key, base64, as a key file holds it.</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(MinKeyBytes));

    private static SymmetricSecurityKey Key(string base64, int index)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Token key {index + 1} is not base64.");
        }

        return bytes.Length >= MinKeyBytes
            ? new SymmetricSecurityKey(bytes) { KeyId = KeyId(bytes) }
            : throw new InvalidOperationException($"Token key {index + 1} has {bytes.Length} bytes; HS256 needs at least {MinKeyBytes}.");
    }

    /// <summary>A short public name of a key (a hash prefix), so a token says which key signed it without revealing it.</summary>
    private static string KeyId(byte[] key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key))[..16];
}
