using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>The OpenAPI document describes the contract's routes.</summary>
public sealed class OpenApiTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task The_document_is_served_and_lists_every_route_of_the_contract()
    {
        var response = await client.SendAsync(HttpMethod.Get, "/openapi/v1.json");

        response.ShouldHaveStatus(200);
        response.MediaType.ShouldBe("application/json");
        response.Json.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = response.Json.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var expected = new Dictionary<string, string[]>
        {
            ["/v1/pools/{pool}"] = ["put", "get"],
            ["/v1/pools/{pool}/capacity/install"] = ["post"],
            ["/v1/pools/{pool}/capacity/reserve"] = ["post"],
            ["/v1/pools/{pool}/capacity/cancel"] = ["post"],
            ["/v1/pools/{pool}/sets"] = ["post", "get"],
            ["/v1/pools/{pool}/sets/{setId}"] = ["get", "patch", "delete"],
            ["/v1/pools/{pool}/sets/{setId}/release"] = ["post"],
            ["/v1/pools/{pool}/sets/{setId}/free-all"] = ["post"],
            ["/v1/pools/{pool}/sets/{setId}/ioasids"] = ["post"],
            ["/v1/pools/{pool}/sets/{setId}/spids/{spid}/lookup"] = ["post"],
            ["/v1/pools/{pool}/ioasids/{id}"] = ["get"],
            ["/v1/pools/{pool}/ioasids/{id}/refs"] = ["post"],
            ["/v1/pools/{pool}/ioasids/{id}/refs/release"] = ["post"],
            ["/v1/pools/{pool}/ioasids/{id}/free"] = ["post"],
            ["/v1/pools/{pool}/ioasids/{id}/private"] = ["put", "delete", "get"],
            ["/v1/pools/{pool}/ioasids/{id}/spid"] = ["put", "delete"],
            ["/v1/pools/{pool}/notifiers"] = ["post", "get"],
            ["/v1/pools/{pool}/notifiers/{notifierId}"] = ["delete"],
            ["/v1/pools/{pool}/notifications"] = ["get"],
            ["/v1/pools/{pool}/events"] = ["get"],
            ["/v1/pools/{pool}/rejections"] = ["get"],
        };
        foreach (var (path, methods) in expected)
        {
            paths.ShouldContainKey(path);
            methods.ShouldBeSubsetOf(paths[path].EnumerateObject().Select(m => m.Name), path);
        }
    }
}
