using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PasidLedger.Api.Endpoints;

namespace PasidLedger.Api.OpenApi;

/// <summary>The optional <c>Idempotency-Key</c> header of every operation that changes something (<see cref="CommandDispatch"/>).</summary>
internal sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.HttpMethod is { } method && LedgerProblems.IsChange(method))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = CommandDispatch.IdempotencyHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes a retry safe: the same key returns the first result and appends nothing; the key with another "
                    + "command is 409 IdempotencyKeyReused. One header of printable ASCII without spaces. Keys expire after the retention.",
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = CommandDispatch.MaxKeyLength,
                    Pattern = "^[!-~]+$",
                },
            });
        }

        return Task.CompletedTask;
    }
}
