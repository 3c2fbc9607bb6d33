using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// Issue 10's attack list, each as a regression test: a neighbour with a valid token of its own tries to read,
/// free, put, unregister or reserve what is not its own. Each gets 403 <c>Forbidden</c>, nothing is stored in
/// the pool (events, rejections, idempotency keys), and the only record is the audit of the refusal, which
/// names the principal and counts its attempts in one row however many it sends.
/// </summary>
public sealed class AttackTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task A_neighbour_vm_cannot_read_another_vms_pasids_private_data_or_history()
    {
        var (pool, eve) = await VmAAndNeighbourAsync();
        var before = await pool.FootprintAsync();

        foreach (var path in new[] { "/ioasids/1", "/ioasids/1/private", "/ioasids/1/history", "/sets/0", "/sets/0/history", "/sets?token=mm:A", "/sets", "/events" })
        {
            (await client.SendAsync(HttpMethod.Get, pool.Path + path, caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        }

        (await pool.FootprintAsync()).ShouldBe(before);
        var audited = await RefusalsOfAsync(eve);
        audited.Select(r => r.Str("route")).ShouldBe(
            ["/v1/pools/{pool}/ioasids/{id}", "/v1/pools/{pool}/ioasids/{id}/private", "/v1/pools/{pool}/ioasids/{id}/history", "/v1/pools/{pool}/sets/{setId}",
             "/v1/pools/{pool}/sets/{setId}/history", "/v1/pools/{pool}/sets", "/v1/pools/{pool}/events"],
            ignoreOrder: true);
        audited.Single(r => r.Str("route") == "/v1/pools/{pool}/sets").Number("count").ShouldBe(2);
    }

    [Fact]
    public async Task A_neighbour_vm_cannot_free_another_vms_pasid_by_naming_its_set_or_its_own()
    {
        var (pool, eve) = await VmAAndNeighbourAsync();
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/ioasids/1/free", new { setId = 0 }, caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await pool.PostAsync("/ioasids/1/free", new { setId = 1 }, caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await pool.PostAsync("/sets/0/free-all", caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await client.SendAsync(HttpMethod.Delete, pool.Path + "/ioasids/1/spid", caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");

        (await pool.FootprintAsync()).ShouldBe(before);
        (await pool.GetAsync("/ioasids/1")).Json.Str("state").ShouldBe("active");
        var free = (await RefusalsOfAsync(eve)).Single(r => r.Str("route") == "/v1/pools/{pool}/ioasids/{id}/free");
        free.Number("count").ShouldBe(2);
        free.Str("lastPool").ShouldBe(pool.Name);
        free.Str("lastDetail").ShouldBe($"IOASID 1 is not in the set of {eve}");
    }

    [Fact]
    public async Task A_component_cannot_put_a_reference_another_holds_or_unregister_its_notifier()
    {
        var (pool, _) = await VmAAndNeighbourAsync();
        var mallory = $"kvm:{Guid.NewGuid():N}";
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm:A", setId = 0 }, caller: mallory)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await client.SendAsync(HttpMethod.Delete, pool.Path + "/notifiers/1", caller: mallory)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await pool.PostAsync("/notifiers", new { name = "kvm:A", scope = "global", priority = "cpu" }, caller: mallory)).ShouldBeProblem(403, "Forbidden", "EPERM");

        (await pool.FootprintAsync()).ShouldBe(before);
        (await pool.GetAsync("/ioasids/1")).Json.GetProperty("holders").GetProperty("kvm:A").GetInt32().ShouldBe(1);
        (await pool.GetAsync("/notifiers")).Json.EnumerateArray().Single(n => n.Number("notifierId") == 1).Str("name").ShouldBe("kvm:A");
        (await RefusalsOfAsync(mallory)).Sum(r => r.Number("count")).ShouldBe(3);
    }

    [Fact]
    public async Task Nobody_but_an_operator_reserves_capacity_or_takes_it_through_a_quota()
    {
        var (pool, eve) = await VmAAndNeighbourAsync();
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/capacity/reserve", new { count = 0 }, caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await pool.PostAsync("/sets", new { type = "mm", token = eve, quota = 1000 }, caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        (await client.SendAsync(HttpMethod.Patch, pool.Path + "/sets/0", new { quota = 1000 }, caller: "kvm:A")).ShouldBeProblem(403, "Forbidden", "EPERM");

        (await pool.FootprintAsync()).ShouldBe(before);
        var capacity = (await pool.GetAsync()).Json;
        capacity.Number("available").ShouldBe(capacity.Number("capacity") - 16, "only the two sets' quotas of 8 are reserved");
    }

    [Fact]
    public async Task A_neighbour_cannot_replay_another_principals_idempotency_key_to_read_or_repeat_its_command()
    {
        var (pool, eve) = await VmAAndNeighbourAsync();
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "mm:A", setId = 0 }, key: "a-secret-key", caller: "mm:A")).ShouldHaveStatus(200);
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/ioasids/1/refs", new { holder = "mm:A", setId = 0 }, key: "a-secret-key", caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");

        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_vm_reading_a_reused_set_and_id_sees_only_their_history_since_they_were_its_own()
    {
        var pool = await client.NewPoolAsync();
        var eve = $"mm:{Guid.NewGuid():N}";
        await pool.CreateSetAsync("mm", eve);
        await pool.AllocateAsync(0, data: "eve's secret");
        (await pool.PostAsync("/ioasids/1/free", new { setId = 0 })).ShouldHaveStatus(200);
        (await pool.DeleteAsync("/sets/0")).ShouldHaveStatus(200);
        await pool.CreateSetAsync("mm", "mm:A");
        (await pool.AllocateAsync(0)).Number("generation").ShouldBe(2);

        var ownId = (await client.SendAsync(HttpMethod.Get, pool.Path + "/ioasids/1/history", caller: "mm:A")).Json.EnumerateArray().ToList();
        var ownSet = (await client.SendAsync(HttpMethod.Get, pool.Path + "/sets/0/history", caller: "mm:A")).Json.EnumerateArray().ToList();
        var all = (await pool.GetAsync("/ioasids/1/history")).Json.EnumerateArray().ToList();

        ownId.ShouldNotBeEmpty();
        ownId.ShouldAllBe(e => e.GetProperty("generation").GetInt32() == 2);
        ownSet.Select(e => e.Str("type")).First().ShouldBe("set.created.v1");
        ownSet.ShouldAllBe(e => !e.GetRawText().Contains(eve));
        all.Select(e => e.GetProperty("generation").GetInt32()).Distinct().ShouldBe([1, 2], "the operator sees both generations");
    }

    [Fact]
    public async Task A_flood_of_refused_requests_is_one_audit_row_not_one_per_request()
    {
        var (pool, eve) = await VmAAndNeighbourAsync();
        var before = await pool.FootprintAsync();

        for (var i = 0; i < 300; i++)
        {
            (await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 }, caller: eve)).ShouldBeProblem(403, "Forbidden", "EPERM");
        }

        (await pool.FootprintAsync()).ShouldBe(before);
        var row = (await RefusalsOfAsync(eve)).ShouldHaveSingleItem();
        row.Number("count").ShouldBe(300);
        row.Str("method").ShouldBe("POST");
        row.Str("role").ShouldBe("vm");
        row.Str("lastPath").ShouldBe(pool.Path + "/sets/0/ioasids");
    }

    [Fact]
    public async Task Only_operators_and_auditors_read_the_audit_of_refusals()
    {
        foreach (var principal in new[] { "mm:A", "kvm:A" })
        {
            (await client.SendAsync(HttpMethod.Get, "/v1/refusals", caller: principal)).ShouldBeProblem(403, "Forbidden", "EPERM");
        }

        (await client.SendAsync(HttpMethod.Get, "/v1/refusals?limit=0")).ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await client.SendAsync(HttpMethod.Get, "/v1/refusals", caller: "auditor:ann")).ShouldHaveStatus(200);
    }

    /// <summary>
    /// A pool where VM A (set 0, token mm:A, quota 8) holds IOASID 1 with a reference of its KVM (notifier 1),
    /// and a neighbour VM (set 1, quota 8) whose fresh principal each test owns, so its audit rows are its own.
    /// </summary>
    private async Task<(PoolClient Pool, string Neighbour)> VmAAndNeighbourAsync()
    {
        var pool = await client.NewPoolAsync();
        var eve = $"mm:{Guid.NewGuid():N}";
        (await pool.PostAsync("/notifiers", new { name = "kvm:A", scope = "mm", token = "mm:A", priority = "cpu" }, caller: "kvm:A")).ShouldHaveStatus(201);
        await pool.CreateSetAsync("mm", "mm:A");
        await pool.CreateSetAsync("mm", eve);
        await pool.AllocateAsync(0);
        (await pool.AcquireAsync(1, "kvm:A")).ShouldHaveStatus(200);
        return (pool, eve);
    }

    private async Task<List<JsonElement>> RefusalsOfAsync(string principal)
    {
        await api.Services.GetRequiredService<RefusalAudit>().FlushAsync(TestContext.Current.CancellationToken);
        var listed = await client.SendAsync(HttpMethod.Get, $"/v1/refusals?principal={Uri.EscapeDataString(principal)}", caller: "auditor:ann");
        listed.ShouldHaveStatus(200);
        var rows = listed.Json.EnumerateArray().ToList();
        rows.ShouldAllBe(r => r.Str("principal") == principal);
        return rows;
    }
}
