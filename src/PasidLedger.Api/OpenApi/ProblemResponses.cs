using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PasidLedger.Api.Hosting;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// Says what each problem status means here (the README's error table) and adds the headers that come with it:
/// <c>WWW-Authenticate</c> on 401, <c>Retry-After</c> on 503. Answers are listed by status, success first.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["400"] = "Invalid input or command (-EINVAL): InvalidArgument, MalformedRequest, VersionBeyondStream, StoreRefused, "
            + "or the pool's reason (SetInvalid, QuotaInvalid, SpidInvalid, NotHolder, …). Input errors store nothing.",
        ["401"] = "Unauthenticated (-EACCES): no bearer token, or one that is unsigned, expired or not for this service.",
        ["403"] = "Forbidden (-EPERM): the token's role or principal may not do this; or NotOwner (-EPERM, -EACCES): another set's or mm's ID.",
        ["404"] = "Not found (-ENOENT): UnknownPool, UnknownId, SetInvalid (a set that did not exist then), UnknownWork.",
        ["409"] = "Conflict (-EBUSY, -EEXIST, -ENOSPC, -ESTALE, -EDEADLK): IdempotencyKeyReused, PoolOptionsConflict, StaleHandle, "
            + "QuotaExceeded, NoFreeId, FreePending, SetBusy, TokenInUse, ….",
        ["413"] = "BodyTooLarge (-EINVAL): request bodies are limited to 64 KiB.",
        ["415"] = "MalformedRequest (-EINVAL): the body must be JSON (Content-Type: application/json).",
        ["503"] = "StoreUnavailable (-EIO): the event store is unavailable; retry after Retry-After seconds with the same Idempotency-Key.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var answers = (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses = [];
        foreach (var (status, answer) in answers)
        {
            operation.Responses[status] = answer;
            if (answer is not OpenApiResponse response || !Meanings.TryGetValue(status, out var meaning))
            {
                continue;
            }

            response.Description = meaning;
            if (status == "401")
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["WWW-Authenticate"] = new OpenApiHeader
                {
                    Description = "Bearer; with error=\"invalid_token\" when a token was sent.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
            else if (status == "503")
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = RetryAfter();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The <c>Retry-After</c> header every 503 carries (<see cref="ApiProblems.RetryLater"/>, <c>GET /health</c>).</summary>
    public static OpenApiHeader RetryAfter() => new()
    {
        Description = $"Seconds to wait before retrying; the service sends {ApiProblems.RetryAfterSeconds}.",
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
    };
}
