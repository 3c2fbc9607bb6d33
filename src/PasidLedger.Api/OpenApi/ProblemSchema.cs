using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// The one <c>Problem</c> schema of every error (<c>ApiProblems.Problem</c>): RFC 9457 problem details with
/// the title set to the reason code, plus <c>reason</c>, the negative Linux <c>errno</c> and its name.
/// </summary>
internal sealed class ProblemSchema : IOpenApiSchemaTransformer
{
    /// <summary>The component's name; the framework's <see cref="ProblemDetails"/> is described under it.</summary>
    public const string Id = "Problem";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails) || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        schema.Description = "An error (application/problem+json). Nothing was stored, unless the reason says a command was refused and recorded.";
        schema.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the HTTP status (RFC 9110 section).", "uri-reference"),
            ["title"] = Text("The reason code, as in reason."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("What was wrong, in the contract's terms."),
            ["reason"] = Text("The service's reason code, e.g. InvalidArgument, UnknownPool, Forbidden, StaleHandle, QuotaExceeded (README, Errors)."),
            ["errno"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Maximum = "-1",
                Description = "The negative Linux errno the kernel would return, e.g. -22 (EINVAL).",
            },
            ["errnoName"] = Text("The errno's name, e.g. EINVAL."),
            ["traceId"] = Text("The request's trace identifier, for the service's logs."),
        };
        schema.Required = new HashSet<string> { "type", "title", "status", "detail", "reason", "errno", "errnoName" };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, Description = description };
}
