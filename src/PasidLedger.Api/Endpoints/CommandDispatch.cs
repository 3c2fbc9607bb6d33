using System.Text.Json;
using PasidLedger.Api.Hosting;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Api.Endpoints;

/// <summary>Sends a command to its pool writer with the request's idempotency key and caller, and maps the typed result to a response.</summary>
internal static class CommandDispatch
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string CallerHeader = "X-Caller";

    /// <param name="body">The body of a result that did not fail (<see cref="Responses.ReplyBodies"/>); null answers <c>{}</c>.</param>
    public static async Task<IResult> SendAsync(HttpContext http, string pool, PoolCommand command,
        Func<CommandResult, object?> body, int successStatus = StatusCodes.Status200OK)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 200 || Caller(http) is { Length: > 200 })
        {
            return ApiProblems.Invalid("Idempotency-Key and X-Caller are limited to 200 characters");
        }

        var envelope = new CommandEnvelope(command, key.Length == 0 ? null : key, Caller(http));
        var writers = http.RequestServices.GetRequiredService<PoolWriters>();
        var result = await writers.SubmitAsync(pool, envelope, http.RequestAborted).ConfigureAwait(false);
        if (result.Reason == Domain.Errors.RejectionReason.PoolNotCreated)
        {
            return ApiProblems.UnknownPool(pool);
        }

        return result.Failed
            ? ApiProblems.From(result)
            : Results.Text(Json(body(result)), "application/json", statusCode: result.Ignored ? StatusCodes.Status200OK : successStatus);
    }

    public static string? Caller(HttpContext http)
    {
        var caller = http.Request.Headers[CallerHeader].ToString();
        return caller.Length == 0 ? null : caller;
    }

    private static string Json(object? body) => body is null ? "{}" : JsonSerializer.Serialize(body, body.GetType(), LedgerJson.Options);
}
