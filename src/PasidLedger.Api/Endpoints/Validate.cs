using System.Text.RegularExpressions;
using PasidLedger.Api.Hosting;

namespace PasidLedger.Api.Endpoints;

/// <summary>Input checks that answer 400 before anything reaches a writer.</summary>
internal static partial class Validate
{
    public static IResult? Required<T>(T? value, string field) =>
        value is null ? ApiProblems.Invalid($"'{field}' is required") : null;

    public static IResult? Text(string? value, string field, int max = 200) =>
        string.IsNullOrWhiteSpace(value) ? ApiProblems.Invalid($"'{field}' is required")
        : value.Length > max ? ApiProblems.Invalid($"'{field}' is limited to {max} characters")
        : null;

    public static IResult? U32(long? value, string field) =>
        value is null ? ApiProblems.Invalid($"'{field}' is required")
        : value is < 0 or > uint.MaxValue ? ApiProblems.Invalid($"'{field}' must be within [0, 4294967295], got {value}")
        : null;

    /// <summary>A field that may be absent (null), and is not negative when present.</summary>
    public static IResult? OptionalNonNegative(long? value, string field) =>
        value < 0 ? ApiProblems.Invalid($"'{field}' must not be negative, got {value}") : null;

    public static IResult? Id(long id) => U32(id, "id");

    /// <summary>The longest page a list answers.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A list's <c>limit</c>, when given: 1 to <see cref="MaxLimit"/>.</summary>
    public static IResult? Limit(int? limit) =>
        limit is < 1 or > MaxLimit ? ApiProblems.Invalid($"'limit' must be within [1, {MaxLimit}]") : null;

    /// <summary>What a pool name is: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public const string PoolNamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    public static bool IsPoolName(string pool) => PoolName().IsMatch(pool);

    /// <summary>Returns the first failing check, or null.</summary>
    public static IResult? First(params IEnumerable<IResult?> checks) => checks.FirstOrDefault(check => check is not null);

    [GeneratedRegex(PoolNamePattern)]
    private static partial Regex PoolName();
}
