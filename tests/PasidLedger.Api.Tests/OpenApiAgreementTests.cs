using System.Text.Json;
using System.Text.RegularExpressions;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// The OpenAPI document agrees with what the endpoints do: a body's required fields are the ones its
/// endpoint refuses to miss, and answers carry exactly the properties their schemas describe.
/// </summary>
public sealed partial class OpenApiAgreementTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task A_request_body_requires_exactly_the_fields_its_endpoint_refuses_to_miss()
    {
        var document = await ApiDocument.LoadAsync(client);
        var absent = $"absent-{Guid.NewGuid():N}";
        var checkedOperations = new List<string>();

        foreach (var operation in document.Operations)
        {
            if (operation.RequestSchema is not { } body || !document.Resolve(body).TryGetProperty("required", out var names))
            {
                continue;
            }

            var properties = document.Resolve(body).GetProperty("properties");
            var complete = ApiDocument.Strings(names).ToDictionary(name => name!, name => Sample(properties.GetProperty(name!)));
            var method = new HttpMethod(operation.Method.ToUpperInvariant());
            var path = RouteValue().Replace(operation.Path.Replace("{pool}", absent, StringComparison.Ordinal), "1");

            // Nothing is missing, so the absent pool is what answers; without any one field, the 400 names it.
            (await client.SendAsync(method, path, complete)).ShouldBeProblem(404, "UnknownPool", "ENOENT");
            foreach (var name in complete.Keys)
            {
                var refused = await client.SendAsync(method, path, complete.Where(field => field.Key != name).ToDictionary());
                refused.ShouldHaveStatus(400);
                (refused.Json.GetProperty("detail").GetString() ?? string.Empty).ShouldContain($"'{name}'", Case.Sensitive, $"{operation} without '{name}': {refused}");
            }

            checkedOperations.Add(operation.ToString());
        }

        checkedOperations.ShouldContain("POST /v1/pools/{pool}/sets");
        checkedOperations.ShouldContain("POST /v1/pools/{pool}/notifiers");
    }

    [Fact]
    public async Task Answers_carry_exactly_the_properties_their_schemas_describe_with_values_from_their_enums()
    {
        var document = await ApiDocument.LoadAsync(client);
        var pool = new PoolClient(client, $"p-{Guid.NewGuid():N}");
        var answers = new List<(string Method, string Path, ApiResponse Answer)>
        {
            ("put", "/v1/pools/{pool}", await pool.PutAsync(string.Empty)),
            ("post", "/v1/pools/{pool}/notifiers", await pool.PostAsync("/notifiers",
                new { name = "kvm:A", scope = "mm", token = "mm:A", priority = "cpu", reactions = new[] { new { on = "bind", action = "queue_work" } } })),
            ("post", "/v1/pools/{pool}/sets", await pool.PostAsync("/sets", new { type = "mm", token = "mm:A", quota = 4 })),
            ("post", "/v1/pools/{pool}/sets/{setId}/ioasids", await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 })),
            ("put", "/v1/pools/{pool}/ioasids/{id}/spid", await pool.PutAsync("/ioasids/1/spid", new { spid = 101 })),
            ("post", "/v1/pools/{pool}/ioasids/{id}/free", await pool.PostAsync("/ioasids/1/free", new { setId = 0 })),
            ("get", "/v1/pools/{pool}/ioasids/{id}", await pool.GetAsync("/ioasids/1")),
            ("get", "/v1/pools/{pool}/sets/{setId}", await pool.GetAsync("/sets/0")),
            ("get", "/v1/pools/{pool}/notifiers", await pool.GetAsync("/notifiers")),
            ("get", "/v1/pools/{pool}/notifications", await pool.GetAsync("/notifications")),
            ("get", "/v1/pools/{pool}/events", await pool.GetAsync("/events")),
            ("get", "/v1/pools/{pool}/ioasids/{id}/history", await pool.GetAsync("/ioasids/1/history")),
            ("get", "/v1/pools/{pool}/rejections", await pool.GetAsync("/rejections")),
            ("post", "/v1/pools/{pool}/ioasids/{id}/free", await pool.PostAsync("/ioasids/999/free", new { })),
        };

        foreach (var (method, path, answer) in answers)
        {
            var schema = document.Operation(method, path).AnswerSchema($"{answer.Code}");
            Mismatches(document, answer.Json, schema, "$").ShouldBeEmpty($"{method} {path}: {answer}");
        }
    }

    /// <summary>A value the schema accepts: its first allowed value, its minimum, or some text.</summary>
    private static object Sample(JsonElement schema) =>
        schema.TryGetProperty("enum", out var values) ? values[0].GetString()!
        : schema.GetProperty("type").GetString() switch
        {
            "integer" => schema.TryGetProperty("minimum", out var minimum) ? minimum.GetInt64() : 0L,
            "boolean" => false,
            _ => "x",
        };

    /// <summary>Where <paramref name="value"/> departs from <paramref name="schema"/>: type, enum, required and undescribed properties.</summary>
    private static IEnumerable<string> Mismatches(ApiDocument document, JsonElement value, JsonElement schema, string at)
    {
        schema = document.Resolve(schema);
        if (schema.TryGetProperty("oneOf", out var branches))
        {
            return branches.EnumerateArray().Any(branch => !Mismatches(document, value, branch, at).Any()) ? [] : [$"{at} matches no branch"];
        }

        if (schema.TryGetProperty("type", out var type) && !TypesOf(type).Contains(TypeOf(value)))
        {
            return [$"{at} is {TypeOf(value)}, not {type}"];
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            return [$"{at} = {value} is not one of {allowed}"];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array when schema.TryGetProperty("items", out var items) =>
                value.EnumerateArray().SelectMany((item, i) => Mismatches(document, item, items, $"{at}[{i}]")),
            JsonValueKind.Object when schema.TryGetProperty("properties", out var properties) =>
                (schema.TryGetProperty("required", out var required) ? ApiDocument.Strings(required) : [])
                    .Where(name => !value.TryGetProperty(name!, out _)).Select(name => $"{at}.{name} is missing")
                    .Concat(value.EnumerateObject().SelectMany(p => properties.TryGetProperty(p.Name, out var property)
                        ? Mismatches(document, p.Value, property, $"{at}.{p.Name}")
                        : [$"{at}.{p.Name} is not described"])),
            JsonValueKind.Object when schema.TryGetProperty("additionalProperties", out var each) =>
                value.EnumerateObject().SelectMany(p => Mismatches(document, p.Value, each, $"{at}.{p.Name}")),
            _ => [],
        };
    }

    /// <summary>A schema's <c>type</c>: one name, or a list of them (OpenAPI 3.1).</summary>
    private static List<string?> TypesOf(JsonElement type) => type.ValueKind == JsonValueKind.Array ? ApiDocument.Strings(type) : [type.GetString()];

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex RouteValue();
}
