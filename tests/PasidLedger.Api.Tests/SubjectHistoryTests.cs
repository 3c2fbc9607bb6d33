using System.Text.Json;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>GET …/ioasids/{id}/history and …/sets/{setId}/history: every event and refusal that concerned it, oldest first.</summary>
public sealed class SubjectHistoryTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task An_ids_history_spans_its_generations_with_its_refusals_in_place()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.PostAsync("/ioasids/1/refs", new { holder = "kvm:A", setId = 0 }, caller: "kvm:A");
        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "vdcm:0", setId = 0 }, caller: "vdcm:0")).ShouldBeProblem(400, "NotHolder", "EINVAL");
        await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm:A", setId = 0 }, caller: "kvm:A");
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });
        var second = await pool.AllocateAsync(0);
        second.Number("id").ShouldBe(1);
        second.Number("generation").ShouldBe(2);

        var history = await HistoryAsync(pool, "/ioasids/1/history");

        history.Select(e => e.Number("version")).ShouldBeInOrder();
        history.Select(e => e.GetProperty("generation").GetInt32()).Distinct().ShouldBe([1, 2]);
        history.Select(e => e.Str("type")).ShouldContain("ioasid.allocated.v1");
        history.Select(e => e.Str("type")).ShouldContain("ioasid.reclaimed.v1");
        var refused = history.Where(e => e.GetProperty("rejected").GetBoolean()).ShouldHaveSingleItem();
        refused.Str("reason").ShouldBe("NotHolder");
        refused.Number("errno").ShouldBe(-22);
        refused.Str("caller").ShouldBe("vdcm:0");
        refused.Str("type").ShouldBe("ReleaseRef");
        var acquired = history.First(e => e.Str("type") == "ioasid.ref-acquired.v1");
        acquired.Str("caller").ShouldBe("kvm:A");
        acquired.ShouldHaveProperties("version", "time", "type", "generation", "caller", "correlationId", "causationId", "rejected", "reason", "errno",
            "detail", "data");
        // The refusal comes right after the event whose version it was decided at.
        var index = history.IndexOf(refused);
        history[index - 1].Number("version").ShouldBe(refused.Number("version"));

        var secondOnly = await HistoryAsync(pool, "/ioasids/1/history?generation=2");
        secondOnly.ShouldNotBeEmpty();
        secondOnly.ShouldAllBe(e => e.GetProperty("generation").GetInt32() == 2);
    }

    [Fact]
    public async Task A_sets_history_has_its_events_and_the_refusals_that_named_it()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A", quota: 2);
        await pool.CreateSetAsync("mm", "B", quota: 2);
        await pool.AllocateAsync(0);
        await pool.AllocateAsync(1);
        (await pool.PatchAsync("/sets/0", new { quota = 0 })).Code.ShouldBe(400);

        var history = await HistoryAsync(pool, "/sets/0/history");

        history.Where(e => !e.GetProperty("rejected").GetBoolean()).Select(e => e.Str("type"))
            .ShouldBe(["set.created.v1", "ioasid.allocated.v1", "notification.published.v1"]);
        history.Last().GetProperty("rejected").GetBoolean().ShouldBeTrue();
        history.Last().Str("type").ShouldBe("AdjustSetQuota");
        history.Select(e => e.GetProperty("data")).Where(d => d.TryGetProperty("token", out _)).Select(d => d.Str("token")).ShouldAllBe(t => t == "A");
    }

    [Fact]
    public async Task History_of_a_number_nothing_concerned_is_empty_and_bad_input_is_refused()
    {
        var pool = await client.NewPoolAsync();

        (await HistoryAsync(pool, "/ioasids/77/history")).ShouldBeEmpty();
        (await pool.GetAsync("/ioasids/-1/history")).ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await pool.GetAsync("/ioasids/1/history?generation=-1")).ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await client.SendAsync(HttpMethod.Get, "/v1/pools/no-such-pool/sets/0/history")).ShouldBeProblem(404, "UnknownPool", "ENOENT");
    }

    private static async Task<List<JsonElement>> HistoryAsync(PoolClient pool, string path)
    {
        var response = await pool.GetAsync(path);
        response.Code.ShouldBe(200, response.ToString());
        return [.. response.Json.EnumerateArray()];
    }
}
