using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PasidLedger.Api.Endpoints;
using PasidLedger.Application.ReadModels;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// Time travel on a GET view (<see cref="AsOf"/>): the <c>asOf</c> and <c>asOfTime</c> query parameters,
/// which the handler reads itself, and the body they answer: the view as it stood then with <c>asOf</c>
/// added (a list comes as <c>{"items": [...], "asOf": {...}}</c>).
/// </summary>
internal static class PastViewParameters
{
    public static RouteHandlerBuilder WithPastViews(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Query(AsOf.VersionParameter, "The view right after this stream version (from 1); not with asOfTime.",
                new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" }));
            operation.Parameters.Add(Query(AsOf.TimeParameter,
                $"The view at the last version at or before this RFC 3339 instant with an offset (e.g. {AsOfTime.Example}); not with asOf.",
                new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }));
            if (operation.Responses?.TryGetValue("200", out var answer) == true && answer.Content?.TryGetValue("application/json", out var body) == true
                && body.Schema is { } live)
            {
                body.Schema = live is OpenApiSchema { Type: JsonSchemaType.Array } ? PastList(live) : PastObject(live);
            }

            return Task.CompletedTask;
        });

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema };

    /// <summary>The live object, with <c>asOf</c> when a past view was asked for.</summary>
    private static OpenApiSchema PastObject(IOpenApiSchema live) => new()
    {
        AllOf = [live, new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["asOf"] = Stamp() } }],
    };

    /// <summary>The live list, or the past one as <c>{"items", "asOf"}</c>.</summary>
    private static OpenApiSchema PastList(IOpenApiSchema live) => new()
    {
        OneOf =
        [
            live,
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "items", "asOf" },
                Properties = new Dictionary<string, IOpenApiSchema> { ["items"] = live, ["asOf"] = Stamp() },
            },
        ],
    };

    private static OpenApiSchema Stamp() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Present only for a past view: the version it stands right after, and when that version was recorded.",
        Required = new HashSet<string> { "version", "time" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
            ["time"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        },
    };
}
