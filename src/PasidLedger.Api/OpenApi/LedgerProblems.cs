using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// The problem answers every operation of a group shares, declared as the framework's response metadata
/// (what <c>ProducesProblem</c> adds) once all of an endpoint's own metadata is known: 400 for any input;
/// 401 and 403 when a token is needed; 409 (a reused <c>Idempotency-Key</c>) and 413 for a change; 415 for
/// a JSON body; 503 when the store is lost. What differs per endpoint (404) the endpoint declares itself.
/// </summary>
internal static class LedgerProblems
{
    public const string ContentType = "application/problem+json";

    public static RouteGroupBuilder ProducesLedgerProblems(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            foreach (var status in SharedBy(endpoint.Metadata).Where(declared.Add))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
            }
        });
        return group;
    }

    private static IEnumerable<int> SharedBy(IList<object> metadata)
    {
        yield return StatusCodes.Status400BadRequest;
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        if (IsChange(metadata))
        {
            yield return StatusCodes.Status409Conflict;
            yield return StatusCodes.Status413PayloadTooLarge;
        }

        if (metadata.OfType<IAcceptsMetadata>().Any())
        {
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        yield return StatusCodes.Status503ServiceUnavailable;
    }

    /// <summary>Every method but GET and HEAD changes something (and takes an <c>Idempotency-Key</c>).</summary>
    public static bool IsChange(string method) => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);

    private static bool IsChange(IList<object> metadata) =>
        metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(IsChange);
}
