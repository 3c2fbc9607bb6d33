using System.Text.RegularExpressions;
using PasidLedger.Domain.Model;

namespace PasidLedger.Application.Commands;

/// <summary>
/// The checks a command's fields pass before anything reaches a writer, shared by the HTTP endpoints and the
/// bus command endpoint: each answers the sentence of an <c>InvalidArgument</c> refusal, or null when the field is fine.
/// </summary>
public static partial class CommandFields
{
    /// <summary>The longest name, holder, token or idempotency key.</summary>
    public const int MaxText = 200;

    /// <summary>The longest private data.</summary>
    public const int MaxPrivate = 4096;

    /// <summary>The longest notifier endpoint.</summary>
    public const int MaxEndpoint = 500;

    /// <summary>What a pool name is: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public const string PoolNamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    public static string? Required<T>(T? value, string field) => value is null ? $"'{field}' is required" : null;

    public static string? Text(string? value, string field, int max = MaxText) =>
        string.IsNullOrWhiteSpace(value) ? $"'{field}' is required"
        : value.Length > max ? $"'{field}' is limited to {max} characters"
        : null;

    /// <summary>A text field that may be absent, limited to <paramref name="max"/> characters when present.</summary>
    public static string? OptionalText(string? value, string field, int max) =>
        value?.Length > max ? $"'{field}' is limited to {max} characters" : null;

    public static string? U32(long? value, string field) =>
        value is null ? $"'{field}' is required"
        : value is < 0 or > uint.MaxValue ? $"'{field}' must be within [0, 4294967295], got {value}"
        : null;

    /// <summary>A field that may be absent (null), and is not negative when present.</summary>
    public static string? OptionalNonNegative(long? value, string field) =>
        value < 0 ? $"'{field}' must not be negative, got {value}" : null;

    public static string? Pool(string? pool) =>
        pool is not null && PoolName().IsMatch(pool) ? null : "pool names are 1–64 characters of letters, digits, '.', '_' or '-'";

    /// <summary>An idempotency key (HTTP <c>Idempotency-Key</c>, bus <c>message_id</c>): 1 to 200 printable ASCII characters, no spaces.</summary>
    public static bool IsIdempotencyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length is > 0 and <= MaxText && key.All(c => c is >= '!' and <= '~');
    }

    /// <summary>A pool's dispatch option: null is the default (<c>perChainGlobalFirst</c>); an unknown word is null.</summary>
    public static DispatchPolicy? Dispatch(string? dispatch) => dispatch switch
    {
        null or "perChainGlobalFirst" => DispatchPolicy.PerChainGlobalFirst,
        "mergedByPriority" => DispatchPolicy.MergedByPriority,
        _ => null,
    };

    /// <summary>A set type: <c>mm</c> or <c>null</c>.</summary>
    public static SetType? SetTypeOf(string? type) => type switch
    {
        "mm" => SetType.Mm,
        "null" => SetType.Null,
        _ => null,
    };

    /// <summary>A lowercase word naming a member of <typeparamref name="T"/> (scope, priority, notification kind).</summary>
    public static T? Word<T>(string? value)
        where T : struct, Enum =>
        value is not null && value.All(char.IsLower) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : null;

    /// <summary>A camelCase word naming a member of <typeparamref name="T"/>, as the wire format spells reaction actions (<c>queueWork</c>).</summary>
    public static T? CamelWord<T>(string? value)
        where T : struct, Enum =>
        value is { Length: > 0 } && char.IsLower(value[0]) && value.All(char.IsLetter) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            && JsonNamingPolicyCamel(parsed.ToString()) == value ? parsed : null;

    /// <summary>Returns the first failing check, or null.</summary>
    public static string? First(params IEnumerable<string?> checks) => checks.FirstOrDefault(check => check is not null);

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    [GeneratedRegex(PoolNamePattern)]
    private static partial Regex PoolName();
}
