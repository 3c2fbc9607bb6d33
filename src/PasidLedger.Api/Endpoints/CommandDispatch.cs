using PasidLedger.Api.Hosting;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.State;

namespace PasidLedger.Api.Endpoints;

/// <summary>Sends a command to its pool writer with the request's idempotency key and caller, and maps the result.</summary>
internal static class CommandDispatch
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string CallerHeader = "X-Caller";

    public static async Task<IResult> SendAsync(HttpContext http, string pool, PoolCommand command,
        Func<PoolState, Decision, object?> shape, int successStatus = StatusCodes.Status200OK)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 200 || Caller(http) is { Length: > 200 })
        {
            return ApiProblems.Invalid("Idempotency-Key and X-Caller are limited to 200 characters");
        }

        var envelope = new CommandEnvelope(command, key.Length == 0 ? null : key, Caller(http), null, null,
            (state, decision) => decision.Rejection is { Ignored: false } ? null : shape(state, decision));
        var writers = http.RequestServices.GetRequiredService<PoolWriters>();
        var result = await writers.SubmitAsync(pool, envelope, http.RequestAborted).ConfigureAwait(false);
        if (result.Reason == Domain.Errors.RejectionReason.PoolNotCreated)
        {
            return ApiProblems.UnknownPool(pool);
        }

        return result.Failed
            ? ApiProblems.From(result)
            : Results.Text(result.BodyJson ?? "{}", "application/json", statusCode: result.Ignored ? StatusCodes.Status200OK : successStatus);
    }

    public static string? Caller(HttpContext http)
    {
        var caller = http.Request.Headers[CallerHeader].ToString();
        return caller.Length == 0 ? null : caller;
    }
}
