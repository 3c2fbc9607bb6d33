using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// The part of the authorization matrix enforced so far: pools, capacity and quotas are the operator's;
/// an auditor reads everything and changes nothing. A refusal is 403 Forbidden (-EPERM) and changes nothing.
/// </summary>
public sealed class AuthorizationTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    public static TheoryData<string, string, string> OperatorOnly => new()
    {
        { "PUT", "", "{}" },
        { "POST", "/capacity/install", """{"total":4096}""" },
        { "POST", "/capacity/reserve", """{"count":1}""" },
        { "POST", "/capacity/cancel", """{"count":1}""" },
        { "PATCH", "/sets/0", """{"quota":9}""" },
    };

    [Theory]
    [MemberData(nameof(OperatorOnly))]
    public async Task Pools_capacity_and_quotas_are_refused_to_everyone_but_an_operator(string method, string path, string body)
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        var before = await pool.FootprintAsync();

        foreach (var principal in new[] { "auditor:ann", "mm:A", "kvm:A" })
        {
            var refused = await client.SendRawAsync(new HttpMethod(method), pool.Path + path, body, caller: principal);
            refused.ShouldBeProblem(403, "Forbidden", "EPERM");
        }

        (await pool.FootprintAsync()).ShouldBe(before);
        // The operator is let through: what it gets is the pool's own answer (some of these are refused by the pool's rules).
        var asOperator = await client.SendRawAsync(new HttpMethod(method), pool.Path + path, body);
        asOperator.Code.ShouldNotBeOneOf(401, 403);
    }

    [Theory]
    [InlineData("POST", "/sets", """{"type":"mm","token":"B","quota":1}""")]
    [InlineData("POST", "/sets/0/ioasids", """{"min":1,"max":10}""")]
    [InlineData("POST", "/ioasids/1/refs", """{"holder":"auditor:ann","setId":0}""")]
    [InlineData("POST", "/ioasids/1/refs/release", """{"holder":"core","setId":0}""")]
    [InlineData("POST", "/ioasids/1/free", """{"setId":0}""")]
    [InlineData("PUT", "/ioasids/1/spid", """{"spid":7}""")]
    [InlineData("PUT", "/ioasids/1/private", """{"data":"x"}""")]
    [InlineData("POST", "/notifiers", """{"name":"N","scope":"global","priority":"cpu"}""")]
    [InlineData("DELETE", "/sets/0", null)]
    [InlineData("POST", "/sets/0/release", null)]
    public async Task An_auditor_changes_nothing(string method, string path, string? body)
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var before = await pool.FootprintAsync();

        var refused = await client.SendRawAsync(new HttpMethod(method), pool.Path + path, body, caller: "auditor:ann");

        refused.ShouldBeProblem(403, "Forbidden", "EPERM");
        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/sets/0")]
    [InlineData("/ioasids/1")]
    [InlineData("/ioasids/1/history")]
    [InlineData("/events")]
    [InlineData("/rejections")]
    [InlineData("/notifiers")]
    public async Task An_auditor_reads_everything(string path)
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        (await client.SendAsync(HttpMethod.Get, pool.Path + path, caller: "auditor:ann")).Code.ShouldBe(200);
    }

    [Fact]
    public async Task A_component_registers_notifiers_under_its_own_name_only()
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        var impostor = await pool.PostAsync("/notifiers", new { name = "iommu:host", scope = "global", priority = "iommu" }, caller: "kvm:A");
        impostor.ShouldBeProblem(403, "Forbidden", "EPERM");
        (await pool.FootprintAsync()).ShouldBe(before);

        (await pool.PostAsync("/notifiers", new { name = "kvm:A", scope = "mm", token = "mm:A", priority = "cpu" }, caller: "kvm:A")).Code.ShouldBe(201);
        (await pool.PostAsync("/notifiers", new { name = "iommu:host", scope = "global", priority = "iommu" })).Code.ShouldBe(201, "the operator may name any");
    }
}
