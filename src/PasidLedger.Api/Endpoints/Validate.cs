using PasidLedger.Api.Hosting;
using PasidLedger.Application.Commands;

namespace PasidLedger.Api.Endpoints;

/// <summary>Input checks that answer 400 before anything reaches a writer: <see cref="CommandFields"/>, worded as problems.</summary>
internal static class Validate
{
    public static IResult? Required<T>(T? value, string field) => Invalid(CommandFields.Required(value, field));

    public static IResult? Text(string? value, string field, int max = CommandFields.MaxText) => Invalid(CommandFields.Text(value, field, max));

    /// <summary>A text field that may be absent, limited to <paramref name="max"/> characters when present.</summary>
    public static IResult? OptionalText(string? value, string field, int max) => Invalid(CommandFields.OptionalText(value, field, max));

    public static IResult? U32(long? value, string field) => Invalid(CommandFields.U32(value, field));

    /// <summary>A field that may be absent (null), and is not negative when present.</summary>
    public static IResult? OptionalNonNegative(long? value, string field) => Invalid(CommandFields.OptionalNonNegative(value, field));

    public static IResult? Id(long id) => U32(id, "id");

    /// <summary>The longest page a list answers.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A list's <c>limit</c>, when given: 1 to <see cref="MaxLimit"/>.</summary>
    public static IResult? Limit(int? limit) =>
        limit is < 1 or > MaxLimit ? ApiProblems.Invalid($"'limit' must be within [1, {MaxLimit}]") : null;

    /// <summary>What a pool name is (<see cref="CommandFields.PoolNamePattern"/>).</summary>
    public const string PoolNamePattern = CommandFields.PoolNamePattern;

    /// <summary>The pool route value's check: null when <paramref name="pool"/> is a pool name.</summary>
    public static IResult? Pool(string pool) => Invalid(CommandFields.Pool(pool));

    /// <summary>Returns the first failing check, or null.</summary>
    public static IResult? First(params IEnumerable<IResult?> checks) => checks.FirstOrDefault(check => check is not null);

    private static IResult? Invalid(string? problem) => problem is null ? null : ApiProblems.Invalid(problem);
}
