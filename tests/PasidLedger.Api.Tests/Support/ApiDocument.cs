using System.Text.Json;

namespace PasidLedger.Api.Tests.Support;

/// <summary>The served OpenAPI document, read as JSON: its operations and its component schemas.</summary>
public sealed class ApiDocument(JsonElement root)
{
    public const string Route = "/openapi/v1.json";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public JsonElement Root => root;

    /// <summary>The document as an anonymous caller gets it.</summary>
    public static async Task<ApiDocument> LoadAsync(LedgerClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (response, _) = await client.GetWithAuthorizationAsync(Route, authorization: null);
        response.ShouldHaveStatus(200);
        return new ApiDocument(response.Json);
    }

    public IReadOnlyList<ApiOperation> Operations =>
    [
        .. root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(item => Methods.Contains(item.Name))
            .Select(item => new ApiOperation(path.Name, item.Name, item.Value))),
    ];

    public ApiOperation Operation(string method, string path) =>
        Operations.SingleOrDefault(o => o.Method == method && o.Path == path) ?? throw new ShouldAssertException($"no operation {method} {path}");

    public JsonElement Schema(string name) => root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>The schema a <c>$ref</c> names, or the one non-null branch of a nullable <c>oneOf</c>; else the schema itself.</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Schema(reference.GetString()!.Split('/')[^1])
        : schema.TryGetProperty("oneOf", out var branches) && branches.EnumerateArray().Count(b => !IsNull(b)) == 1
            ? Resolve(branches.EnumerateArray().Single(b => !IsNull(b)))
        : schema;

    /// <summary>The strings of a JSON array (an enum, a required list), null for a JSON null.</summary>
    public static List<string?> Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(value => value.ValueKind == JsonValueKind.Null ? null : value.GetString())];

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";
}

/// <summary>One operation of the document: a method on a path.</summary>
public sealed record ApiOperation(string Path, string Method, JsonElement Json)
{
    public bool IsChange => Method is not ("get" or "head");

    public Dictionary<string, JsonElement> Responses => Json.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);

    public IReadOnlyList<JsonElement> Parameters =>
        Json.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    public JsonElement? Parameter(string name, string location) =>
        Parameters.Where(p => p.GetProperty("name").GetString() == name && p.GetProperty("in").GetString() == location).Cast<JsonElement?>().SingleOrDefault();

    /// <summary>The schema of the JSON request body, if the operation takes one.</summary>
    public JsonElement? RequestSchema =>
        Json.TryGetProperty("requestBody", out var body) ? body.GetProperty("content").GetProperty("application/json").GetProperty("schema") : null;

    /// <summary>The schema of the JSON (or problem) body answered with <paramref name="status"/>.</summary>
    public JsonElement AnswerSchema(string status) =>
        Responses[status].GetProperty("content").EnumerateObject().Single(c => c.Name.EndsWith("json", StringComparison.Ordinal)).Value.GetProperty("schema");

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
}
