using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>POST/GET/PATCH/DELETE sets, release and free-all (DOMAIN.md 2.2, 3.5).</summary>
public sealed class SetEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Post_sets_answers_201_with_the_set_view_and_reserves_the_quota()
    {
        var pool = await client.NewPoolAsync();

        var created = await pool.PostAsync("/sets", new { type = "mm", token = "A", quota = 8 });

        created.ShouldHaveStatus(201);
        var set = created.Json;
        set.ShouldHaveProperties("setId", "type", "token", "quota", "count", "state", "members", "spids");
        set.Number("setId").ShouldBe(0);
        set.Str("type").ShouldBe("mm");
        set.Str("token").ShouldBe("A");
        set.Number("quota").ShouldBe(8);
        set.Number("count").ShouldBe(0);
        set.Str("state").ShouldBe("live");
        set.GetProperty("members").GetArrayLength().ShouldBe(0);
        set.GetProperty("spids").EnumerateObject().ShouldBeEmpty();
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_568);
    }

    [Fact]
    public async Task Get_set_and_find_by_token_read_what_was_written()
    {
        var pool = await client.NewPoolAsync();
        var set = await pool.CreateSetAsync("mm", "A");
        var member = await pool.AllocateAsync(0);
        (await pool.PutAsync($"/ioasids/{member.Number("id")}/spid", new { spid = 101 })).ShouldHaveStatus(200);

        var read = await pool.GetAsync("/sets/0");
        read.ShouldHaveStatus(200);
        read.Json.Number("count").ShouldBe(1);
        var only = read.Json.GetProperty("members").EnumerateArray().ShouldHaveSingleItem();
        only.ShouldHaveProperties("id", "generation", "state", "refs", "spid");
        only.Number("id").ShouldBe(1);
        only.Number("generation").ShouldBe(1);
        only.Str("state").ShouldBe("idle");
        only.Number("refs").ShouldBe(1);
        only.Number("spid").ShouldBe(101);
        read.Json.GetProperty("spids").GetProperty("101").GetInt64().ShouldBe(1);

        var found = await pool.GetAsync("/sets?token=A");
        found.ShouldHaveStatus(200);
        found.Json.EnumerateArray().ShouldHaveSingleItem().Number("setId").ShouldBe(set.Number("setId"));
        (await pool.GetAsync("/sets?token=nobody")).Json.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Get_of_an_unknown_set_is_404()
    {
        var pool = await client.NewPoolAsync();

        (await pool.GetAsync("/sets/7")).ShouldBeProblem(404, "UnknownSet", "ENOENT");
    }

    [Fact]
    public async Task Patch_adjusts_the_quota_and_gives_the_difference_back_S70()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A", quota: 8);
        for (var i = 0; i < 3; i++)
        {
            await pool.AllocateAsync(0);
        }

        (await pool.PatchAsync("/sets/0", new { quota = 2 })).ShouldBeProblem(400, "QuotaBelowUsage", "EINVAL");
        (await pool.PatchAsync("/sets/0", new { quota = 0 })).ShouldBeProblem(400, "QuotaInvalid", "EINVAL");
        var adjusted = await pool.PatchAsync("/sets/0", new { quota = 4 });
        adjusted.ShouldHaveStatus(200);
        adjusted.Json.Number("quota").ShouldBe(4);
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_572);
        (await pool.PatchAsync("/sets/0", new { quota = 4 + 1_048_572 + 1 })).ShouldBeProblem(409, "CapacityExhausted", "ENOSPC");
    }

    [Fact]
    public async Task Delete_of_an_empty_set_destroys_it_and_returns_the_quota_S40()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 4);
        var id = (await pool.AllocateAsync(0)).Number("id");

        (await pool.DeleteAsync("/sets/0")).ShouldBeProblem(409, "SetBusy", "EBUSY");
        (await pool.PostAsync($"/ioasids/{id}/free", new { setId = 0 })).Json.Str("outcome").ShouldBe("reclaimed");
        var deleted = await pool.DeleteAsync("/sets/0");

        deleted.ShouldHaveStatus(200);
        deleted.Json.Str("state").ShouldBe("destroyed");
        (await pool.GetAsync("/sets/0")).Json.Str("state").ShouldBe("destroyed");
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_576);
        (await pool.DeleteAsync("/sets/0")).ShouldBeProblem(400, "SetInvalid", "EINVAL");
    }

    [Fact]
    public async Task Release_with_a_held_member_leaves_the_set_closing_S42()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var held = (await pool.AllocateAsync(0)).Number("id");
        (await pool.AcquireAsync(held, "kvm")).ShouldHaveStatus(200);

        var released = await pool.PostAsync("/sets/0/release");

        released.ShouldHaveStatus(200);
        released.Json.Str("state").ShouldBe("closing");
        released.Json.Number("count").ShouldBe(1);
        (await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 })).ShouldBeProblem(400, "SetClosing", "EINVAL");
        (await pool.PostAsync($"/ioasids/{held}/refs/release", new { holder = "kvm" })).Json.GetProperty("reclaimed").GetBoolean().ShouldBeTrue();
        (await pool.GetAsync("/sets/0")).Json.Str("state").ShouldBe("destroyed");
    }

    [Fact]
    public async Task Free_all_reports_reclaimed_and_free_pending_members()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var held = (await pool.AllocateAsync(0)).Number("id");
        await pool.AcquireAsync(held, "kvm");

        var freed = await pool.PostAsync("/sets/0/free-all");

        freed.ShouldHaveStatus(200);
        freed.Json.ShouldHaveProperties("setId", "reclaimed", "freePending", "outcome", "reason");
        freed.Json.Number("reclaimed").ShouldBe(1);
        freed.Json.Number("freePending").ShouldBe(1);
        (await pool.GetAsync($"/ioasids/{held}")).Json.Str("state").ShouldBe("free_pending");
        (await pool.GetAsync("/sets/0")).Json.Str("state").ShouldBe("live");
    }

    [Fact]
    public async Task In_a_pool_created_with_autoDestroyWhenEmpty_the_last_reclaim_destroys_a_live_set_V4()
    {
        var pool = new PoolClient(client, $"v4-{Guid.NewGuid():N}");
        (await pool.PutAsync("", new { autoDestroyWhenEmpty = true })).ShouldHaveStatus(200);
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "core", setId = 0 })).Json.GetProperty("reclaimed").GetBoolean().ShouldBeTrue();

        (await pool.GetAsync("/sets/0")).Json.Str("state").ShouldBe("destroyed");
        (await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 10 })).ShouldBeProblem(400, "SetInvalid", "EINVAL");
    }
}
