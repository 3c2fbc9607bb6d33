using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// The OpenAPI document describes every endpoint the service maps, fully: names, typed parameters and
/// bodies, success and problem answers, the bearer scheme and <c>Idempotency-Key</c>. An endpoint added
/// without its description fails here.
/// </summary>
public sealed class OpenApiTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    /// <summary>The document's own route, the one endpoint it does not describe.</summary>
    private const string DocumentRoute = "/openapi/{documentName}.json";

    private const string ProblemReference = "#/components/schemas/Problem";

    /// <summary>What any operation under /v1 may answer: bad input, no or a foreign token, a role that may not, a lost store.</summary>
    private static readonly string[] EveryOperationsProblems = ["400", "401", "403", "503"];

    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task The_document_is_served_without_a_token_as_OpenAPI_3_1()
    {
        var (response, _) = await client.GetWithAuthorizationAsync(ApiDocument.Route, authorization: null);

        response.ShouldHaveStatus(200);
        response.MediaType.ShouldBe("application/json");
        response.Json.GetProperty("openapi").GetString().ShouldStartWith("3.1.");
    }

    [Fact]
    public async Task Every_endpoint_the_service_maps_is_described_with_its_methods_and_nothing_else_is()
    {
        var document = await ApiDocument.LoadAsync(client);

        var described = document.Operations.Select(o => $"{o.Method} {o.Path}").Order().ToList();

        described.ShouldBe(MappedOperations().Order().ToList());
    }

    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_a_success_answer_with_a_schema()
    {
        var document = await ApiDocument.LoadAsync(client);

        foreach (var operation in document.Operations)
        {
            operation.Json.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace(operation.ToString());
            operation.Json.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(operation.ToString());
            var successes = operation.Responses.Where(r => r.Key.StartsWith('2')).ToList();
            successes.ShouldNotBeEmpty(operation.ToString());
            foreach (var (status, success) in successes)
            {
                foreach (var content in success.GetProperty("content").EnumerateObject())
                {
                    content.Value.TryGetProperty("schema", out _).ShouldBeTrue($"{operation} {status} {content.Name}");
                }
            }
        }

        document.Operations.Select(o => o.Json.GetProperty("operationId").GetString()).ShouldBeUnique();
    }

    [Fact]
    public async Task Every_operation_but_health_requires_the_bearer_scheme()
    {
        var document = await ApiDocument.LoadAsync(client);

        var scheme = document.Root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        scheme.GetProperty("bearerFormat").GetString().ShouldBe("JWT");
        foreach (var operation in document.Operations)
        {
            var bearer = operation.Json.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("bearer", out _));
            bearer.ShouldBe(operation.Path != "/health", operation.ToString());
        }
    }

    [Fact]
    public async Task Every_v1_operation_describes_its_problems_with_the_Problem_schema()
    {
        var document = await ApiDocument.LoadAsync(client);

        foreach (var operation in document.Operations.Where(o => o.Path.StartsWith("/v1/", StringComparison.Ordinal)))
        {
            var responses = operation.Responses;
            EveryOperationsProblems.ShouldBeSubsetOf(responses.Keys, operation.ToString());
            if (operation.IsChange)
            {
                responses.Keys.ShouldContain("409", operation.ToString());
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var content = response.GetProperty("content").EnumerateObject().ShouldHaveSingleItem();
                content.Name.ShouldBe("application/problem+json", $"{operation} {status}");
                content.Value.GetProperty("schema").GetProperty("$ref").GetString().ShouldBe(ProblemReference, $"{operation} {status}");
            }

            responses["503"].GetProperty("headers").GetProperty("Retry-After").GetProperty("schema").GetProperty("type").GetString().ShouldBe("integer");
            responses["401"].GetProperty("headers").TryGetProperty("WWW-Authenticate", out _).ShouldBeTrue(operation.ToString());
        }
    }

    [Fact]
    public async Task The_Problem_schema_has_the_reason_and_the_negative_errno()
    {
        var document = await ApiDocument.LoadAsync(client);

        var problem = document.Schema("Problem");

        problem.GetProperty("properties").GetProperty("reason").GetProperty("type").GetString().ShouldBe("string");
        problem.GetProperty("properties").GetProperty("errno").GetProperty("type").GetString().ShouldBe("integer");
        problem.GetProperty("properties").GetProperty("errno").GetProperty("maximum").GetInt32().ShouldBe(-1);
        ApiDocument.Strings(problem.GetProperty("required")).ShouldBe(["type", "title", "status", "detail", "reason", "errno", "errnoName"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_change_takes_an_optional_Idempotency_Key_and_no_read_does()
    {
        var document = await ApiDocument.LoadAsync(client);

        foreach (var operation in document.Operations)
        {
            var key = operation.Parameter("Idempotency-Key", "header");
            (key is not null).ShouldBe(operation.IsChange, operation.ToString());
            if (key is { } header)
            {
                (header.TryGetProperty("required", out var required) && required.GetBoolean()).ShouldBeFalse(operation.ToString());
                header.GetProperty("schema").GetProperty("type").GetString().ShouldBe("string");
                header.GetProperty("schema").GetProperty("minLength").GetInt32().ShouldBe(1);
                header.GetProperty("schema").GetProperty("maxLength").GetInt32().ShouldBe(200);
            }
        }
    }

    /// <summary>The method and path of every endpoint the service maps, but the document's own.</summary>
    private IEnumerable<string> MappedOperations() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => PathOf(endpoint.RoutePattern) != DocumentRoute)
            .SelectMany(endpoint =>
                // GET /health answers any method (MapHealthChecks names none); the document describes its GET.
                (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method.ToLowerInvariant()} {PathOf(endpoint.RoutePattern)}"));

    private static string PathOf(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
        _ => throw new ShouldAssertException($"unexpected route part in {pattern.RawText}"),
    }))));
}
