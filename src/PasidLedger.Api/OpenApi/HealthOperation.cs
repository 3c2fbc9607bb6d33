using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// <c>GET /health</c> (<c>HealthAnswer</c>), which the framework does not describe: anonymous, the status as
/// plain text, 503 with <c>Retry-After</c> while the database does not answer.
/// </summary>
internal sealed class HealthOperation : IOpenApiDocumentTransformer
{
    public const string Path = "/health";

    private const string Tag = "Health";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Paths ??= [];
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag });
        document.Paths[Path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "GetHealth",
                    Summary = "Whether the service and its database answer (anonymous)",
                    Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = Status("The database answers.", "Healthy"),
                        ["503"] = Status("The database does not answer.", "Unhealthy", ProblemResponses.RetryAfter()),
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiResponse Status(string description, string body, OpenApiHeader? retryAfter = null) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(body)] } },
        },
        Headers = retryAfter is null ? null : new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = retryAfter },
    };
}
