using System.Text;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// Every request needs a bearer token signed with the service's key, for this issuer and audience, in its
/// lifetime; anything else is 401 problem+json with WWW-Authenticate, and nothing is stored.
/// </summary>
public sealed class AuthenticationTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    public static TheoryData<string> RefusedTokens => ["no-token", "garbage", "wrong-key", "expired", "wrong-audience", "wrong-issuer", "alg-none", "tampered"];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_request_without_a_valid_token_is_401_with_a_challenge(string kind)
    {
        var pool = await client.NewPoolAsync();

        var (response, challenge) = await client.GetWithAuthorizationAsync(pool.Path, Authorization(kind));

        response.ShouldBeProblem(401, "Unauthenticated", "EACCES");
        challenge.ShouldNotBeNull().ShouldStartWith("Bearer");
        if (kind != "no-token")
        {
            challenge.ShouldContain("invalid_token");
        }
    }

    [Fact]
    public async Task A_refused_token_changes_nothing()
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();
        var anonymous = api.CreateDefaultClient();
        using var content = new StringContent("""{"type":"mm","token":"A","quota":1}""", Encoding.UTF8, "application/json");

        var response = await anonymous.PostAsync(new Uri(pool.Path + "/sets", UriKind.Relative), content, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(401);
        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_need_no_token()
    {
        (await client.GetWithAuthorizationAsync("/health", null)).Response.Code.ShouldBe(200);
        (await client.GetWithAuthorizationAsync("/openapi/v1.json", null)).Response.Code.ShouldBe(200);
    }

    [Fact]
    public async Task A_token_signed_with_an_older_key_still_listed_is_accepted()
    {
        var older = TokenSettings.NewKey();
        await using var rotated = api.Twin($"{TokenSettings.NewKey()},{older}");
        var signedWithOlder = LedgerTokens.Issue(LedgerApi.TokenSettingsFor(older), LedgerClient.Operator, LedgerRoles.Operator, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);

        var (response, _) = await rotated.NewClient().GetWithAuthorizationAsync("/v1/pools/nothing-here", $"Bearer {signedWithOlder}");

        response.ShouldBeProblem(404, "UnknownPool", "ENOENT");
    }

    private string? Authorization(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        static string Signed(TokenSettings settings, DateTimeOffset at) =>
            "Bearer " + LedgerTokens.Issue(settings, LedgerClient.Operator, LedgerRoles.Operator, TimeSpan.FromMinutes(5), at);
        return kind switch
        {
            "no-token" => null,
            "garbage" => "Bearer not-a-token",
            "wrong-key" => Signed(LedgerApi.TokenSettingsFor(TokenSettings.NewKey()), now),
            "expired" => Signed(api.Tokens, now.AddHours(-1)),
            "wrong-audience" => Signed(api.Tokens with { Audience = "someone-else" }, now),
            "wrong-issuer" => Signed(api.Tokens with { Issuer = "someone-else" }, now),
            "alg-none" => "Bearer " + Unsigned(),
            "tampered" => Tampered(Signed(api.Tokens, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>A token with <c>alg: none</c> and the right claims, without a signature.</summary>
    private static string Unsigned()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"sub":"operator:test","role":"operator","iss":"pasidledger","aud":"pasidledger-api","exp":{{exp}}}""")}.";
    }

    /// <summary>The role in the payload changed after signing.</summary>
    private static string Tampered(string bearer)
    {
        var parts = bearer["Bearer ".Length..].Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/')))).Replace("operator:test", "operator:evil", StringComparison.Ordinal);
        parts[1] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "Bearer " + string.Join('.', parts);
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');

}
