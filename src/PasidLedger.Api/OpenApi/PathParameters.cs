using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PasidLedger.Api.Endpoints;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// The route values every operation under <c>/v1/pools/{pool}</c> shares, as <c>RequestShape</c> and
/// <c>Validate</c> check them before the endpoint runs: a pool name, and IDs that are never negative.
/// </summary>
internal sealed class PathParameters : IOpenApiOperationTransformer
{
    private const string U32Max = "4294967295";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            if (parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            (parameter.Description, schema.Pattern, schema.Minimum, schema.Maximum) = parameter.Name switch
            {
                "pool" => ("The pool: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.", Validate.PoolNamePattern, null, null),
                "id" => ("An IOASID.", null, "0", U32Max),
                "spid" => ("A guest PASID (SPID) of the set.", null, "0", U32Max),
                "setId" => ("A set.", null, "0", schema.Maximum),
                "notifierId" => ("A notifier registration.", null, "0", schema.Maximum),
                _ => (parameter.Description, schema.Pattern, schema.Minimum, schema.Maximum),
            };
        }

        return Task.CompletedTask;
    }
}
