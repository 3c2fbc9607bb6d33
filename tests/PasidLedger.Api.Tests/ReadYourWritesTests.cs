using System.Text.Json.Nodes;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Every GET after a write's answer sees that write, also when many writes share one group commit.</summary>
public sealed class ReadYourWritesTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Each_answered_write_is_visible_to_the_next_read()
    {
        var pool = await client.NewPoolAsync();
        var set = await pool.CreateSetAsync("mm", "A");
        (await pool.GetAsync($"/sets/{set.Number("setId")}")).ShouldHaveStatus(200);

        var id = (await pool.AllocateAsync(0)).Number("id");
        (await pool.GetAsync($"/ioasids/{id}")).Json.Number("refs").ShouldBe(1);
        await pool.AcquireAsync(id, "kvm");
        (await pool.GetAsync($"/ioasids/{id}")).Json.Number("refs").ShouldBe(2);
        await pool.PutAsync($"/ioasids/{id}/spid", new { spid = 7 });
        (await pool.GetAsync("/sets/0")).Json.GetProperty("spids").GetProperty("7").GetInt64().ShouldBe(id);
        (await pool.PostAsync("/sets/0/spids/7/lookup", new { get = false })).Json.Number("id").ShouldBe(id);
        await pool.PostAsync($"/ioasids/{id}/free", new { setId = 0 });
        (await pool.GetAsync($"/ioasids/{id}")).Json.Str("state").ShouldBe("free_pending");
        var pendingEvents = (await pool.EventsAsync()).Count;
        (await pool.GetAsync()).Json.Number("version").ShouldBe(pendingEvents);
    }

    [Fact]
    public async Task Concurrent_allocations_get_distinct_ids_and_all_show_in_the_set()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 64);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 1000 })));

        answers.ShouldAllBe(a => a.Code == 201);
        var ids = answers.Select(a => a.Json.Number("id")).Order().ToList();
        ids.ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        var set = (await pool.GetAsync("/sets/0")).Json;
        set.Number("count").ShouldBe(40);
        set.GetProperty("members").EnumerateArray().Select(m => m.Number("id")).ShouldBe(ids);
        foreach (var id in ids.Where(i => i % 10 == 0))
        {
            (await pool.GetAsync($"/ioasids/{id}")).ShouldHaveStatus(200);
        }
    }

    [Fact]
    public async Task Concurrent_writers_on_different_pools_do_not_see_each_other()
    {
        var pools = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.NewPoolAsync()));

        await Task.WhenAll(pools.Select(p => p.CreateSetAsync("mm", "A")));
        await Task.WhenAll(pools.Select(p => p.AllocateAsync(0)));

        foreach (var pool in pools)
        {
            (await pool.GetAsync("/sets?token=A")).Json.EnumerateArray().ShouldHaveSingleItem().Number("count").ShouldBe(1);
            (await pool.EventsAsync()).Count.ShouldBe(4);
        }
    }

    [Fact]
    public async Task The_answer_of_a_write_and_the_next_read_describe_the_same_state()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A", quota: 8);
        await pool.AllocateAsync(0, data: "p");
        await pool.AllocateAsync(0);
        await pool.PutAsync("/ioasids/2/spid", new { spid = 102 });
        await pool.AcquireAsync(1, "vdcm");
        await pool.AcquireAsync(1, "kvm");
        await pool.AcquireAsync(1, "kvm");
        var acquired = await pool.PostAsync("/ioasids/2/refs", new { holder = "kvm" });
        var freed = await pool.PostAsync("/ioasids/2/free", new { setId = 0 });
        freed.Json.Str("outcome").ShouldBe("free_pending");

        var adjusted = await pool.PatchAsync("/sets/0", new { quota = 6 });

        Same(adjusted.Body, (await pool.GetAsync("/sets/0")).Body);
        Same((await pool.AcquireAsync(1, "iommu")).Body, (await pool.GetAsync("/ioasids/1")).Body);
        acquired.Json.Number("refs").ShouldBe(2);
    }

    /// <summary>Equal as JSON: key order may differ (jsonb sorts keys), values may not.</summary>
    private static void Same(string written, string read) =>
        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(read)).ShouldBeTrue($"written {written}\nread    {read}");
}
