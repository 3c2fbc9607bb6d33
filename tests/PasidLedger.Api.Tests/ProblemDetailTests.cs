using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>A refusal explains itself in the contract's terms: no .NET type names, no framework hints.</summary>
public sealed class ProblemDetailTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Theory]
    [InlineData("/sets", "{")]
    [InlineData("/sets", "[1,2]")]
    [InlineData("/sets", """{"type":"mm","token":42,"quota":8}""")]
    [InlineData("/sets", """{"type":"mm","quota":"8"}""")]
    [InlineData("/sets/0/ioasids", """{"min":1.5,"max":10}""")]
    [InlineData("/sets/0/ioasids", "not json")]
    [InlineData("/ioasids/1/refs", """{"holder":{"name":"x"}}""")]
    [InlineData("/notifiers", """{"name":"K","scope":"global","priority":"cpu","reactions":"get"}""")]
    [InlineData("/capacity/reserve", """{"count":99999999999999999999}""")]
    public async Task A_malformed_body_is_400_without_type_names_or_framework_hints(string path, string body)
    {
        var pool = await client.NewPoolAsync();

        var refused = await client.SendRawAsync(HttpMethod.Post, pool.Path + path, body);

        ShouldExplainWithoutInternals(refused);
    }

    [Theory]
    [InlineData("/ioasids/abc")]
    [InlineData("/sets/1.5")]
    [InlineData("/events?afterVersion=x")]
    public async Task A_malformed_path_or_query_value_is_400_without_type_names(string path)
    {
        var pool = await client.NewPoolAsync();

        ShouldExplainWithoutInternals(await pool.GetAsync(path));
    }

    private static void ShouldExplainWithoutInternals(ApiResponse refused)
    {
        refused.Code.ShouldBe(400, refused.ToString());
        var detail = refused.Json.GetProperty("detail").GetString() ?? string.Empty;
        foreach (var hint in new[] { "PasidLedger", "System.", "Request ", "Request\"", "parameter", "Int64", "Int32", "String", "Nullable", "JsonElement", "deserialize", "Path:" })
        {
            detail.ShouldNotContain(hint, Case.Sensitive, refused.ToString());
        }
    }
}
