using PasidLedger.Api.Hosting;
using PasidLedger.Api.Requests;

namespace PasidLedger.Api.Endpoints;

/// <summary>
/// Checks every request under <c>/v1/pools/{pool}</c> shares, before its endpoint runs and so
/// before anything reaches a writer: a clear 400 and nothing stored (no event, rejection or key).
/// </summary>
internal static class RequestShape
{
    /// <summary>Route values that are IDs: non-negative, like every ID of the IOASID core.</summary>
    private static readonly string[] RouteIds = ["setId", "notifierId", "id", "spid"];

    public static IResult? Check(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var pool = http.GetRouteValue("pool") as string ?? string.Empty;
        return Validate.Pool(pool)
            ?? Validate.First([.. RouteIds.Select(name => RouteId(http, name)), Query(http.Request.Query), .. context.Arguments.Select(Handles)]);
    }

    private static IResult? RouteId(HttpContext http, string name) =>
        http.GetRouteValue(name) is string raw && long.TryParse(raw, out var value) && value < 0
            ? ApiProblems.Invalid($"'{name}' must not be negative, got {value}")
            : null;

    /// <summary>PostgreSQL text cannot hold U+0000; bodies are checked by <see cref="NulFreeStringConverter"/>.</summary>
    private static IResult? Query(IQueryCollection query) =>
        query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)) is { Key: { } key }
            ? ApiProblems.Invalid($"'{key}' must not contain U+0000 (NUL)")
            : null;

    private static IResult? Handles(object? argument) => argument is IHandleFields body
        ? Validate.First(Validate.OptionalNonNegative(body.SetId, "setId"), Validate.OptionalNonNegative(body.Generation, "generation"))
        : null;
}
