using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (anonymous): every operation with its name, summary,
/// typed parameters and bodies, success and problem answers, the bearer scheme and <c>Idempotency-Key</c>.
/// Endpoints state what is theirs (<c>WithName</c>, <c>WithSummary</c>, <c>Produces</c>, <c>ProducesProblem</c>);
/// the transformers here add what every operation shares.
/// </summary>
internal static class LedgerOpenApi
{
    public static IServiceCollection AddLedgerOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.CreateSchemaReferenceId = type =>
            type.Type == typeof(ProblemDetails) ? ProblemSchema.Id
            : type.Type == typeof(JsonElement) ? null // stored JSON (an event's body, a command), described where it is used
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "PasidLedger",
                Version = "v1",
                Description = "The Linux IOASID core as an event-sourced service. Errors are application/problem+json with "
                    + "reason (the service's reason code) and errno (the negative Linux errno); see the README's error table.",
            };
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer<BearerSecurity>();
        options.AddDocumentTransformer<HealthOperation>();
        options.AddOperationTransformer<BearerSecurity>();
        options.AddOperationTransformer<ProblemResponses>();
        options.AddOperationTransformer<IdempotencyKeyHeader>();
        options.AddOperationTransformer<PathParameters>();
        options.AddSchemaTransformer<ContractSchemas>();
        options.AddSchemaTransformer<ProblemSchema>();
    });
}
