using System.Text.Json;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Application.Commands;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Access;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Api.Endpoints;

/// <summary>
/// Sends a command to its pool writer with the request's idempotency key and the authenticated principal
/// as its caller, which the writer checks it against (<see cref="CommandAccess"/>), and maps the typed
/// result to a response; a refusal is audited (<see cref="RefusalAudit"/>).
/// </summary>
internal static class CommandDispatch
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The longest accepted <c>Idempotency-Key</c>.</summary>
    public const int MaxKeyLength = CommandFields.MaxText;

    /// <param name="body">The body of a result that did not fail (<see cref="Responses.ReplyBodies"/>); null answers <c>{}</c>.</param>
    public static async Task<IResult> SendAsync(HttpContext http, string pool, PoolCommand command,
        Func<CommandResult, object?> body, int successStatus = StatusCodes.Status200OK)
    {
        var keys = http.Request.Headers[IdempotencyHeader];
        if (IdempotencyKeyProblem(keys) is { } refused)
        {
            return refused;
        }

        var key = keys.ToString();
        var caller = Caller(http);
        var envelope = new CommandEnvelope(command, key.Length == 0 ? null : key, caller.Name, Access: caller);
        var writers = http.RequestServices.GetRequiredService<PoolWriters>();
        var result = await writers.SubmitAsync(pool, envelope, http.RequestAborted).ConfigureAwait(false);
        switch (result.Reason)
        {
            case RejectionReason.PoolNotCreated:
                return ApiProblems.UnknownPool(pool);
            case RejectionReason.Forbidden:
                return LedgerPolicies.Refuse(http, result.Detail!);
        }

        return result.Failed
            ? ApiProblems.From(result)
            : Results.Text(Json(body(result)), "application/json", statusCode: result.Ignored ? StatusCodes.Status200OK : successStatus);
    }

    /// <summary>At most one <c>Idempotency-Key</c>, of 1 to 200 printable ASCII characters (no spaces or controls).</summary>
    private static IResult? IdempotencyKeyProblem(Microsoft.Extensions.Primitives.StringValues keys) =>
        keys.Count > 1 ? ApiProblems.Invalid("send one Idempotency-Key header, not several")
        : keys.Count == 1 && keys[0] is { } key && !CommandFields.IsIdempotencyKey(key)
            ? ApiProblems.Invalid($"Idempotency-Key must be 1 to {MaxKeyLength} printable ASCII characters without spaces")
        : null;

    /// <summary>The authenticated principal (the token's <c>sub</c>, role and VM); every endpoint that sends a command requires one.</summary>
    public static Principal Caller(HttpContext http) =>
        LedgerPrincipals.Of(http.User) ?? throw new InvalidOperationException("A command reached dispatch without an authenticated principal.");

    private static string Json(object? body) => body is null ? "{}" : JsonSerializer.Serialize(body, body.GetType(), LedgerJson.Options);
}
