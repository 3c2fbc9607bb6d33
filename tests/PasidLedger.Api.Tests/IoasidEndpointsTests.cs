using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Allocation, get, put and free through the API (DOMAIN.md 2.3, S9, S17, S20, S22, S26).</summary>
public sealed class IoasidEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Allocation_answers_201_with_the_refcount_view_S9()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        var allocated = await pool.PostAsync("/sets/0/ioasids", new { min = 0, max = 0xFFFFF, @private = "p" });

        allocated.ShouldHaveStatus(201);
        var view = allocated.Json;
        view.ShouldHaveProperties("id", "generation", "setId", "state", "refs", "holders", "spid", "private");
        view.Number("id").ShouldBe(1);
        view.Number("generation").ShouldBe(1);
        view.Number("setId").ShouldBe(0);
        view.Str("state").ShouldBe("idle");
        view.Number("refs").ShouldBe(1);
        view.GetProperty("holders").GetProperty("core").GetInt32().ShouldBe(1);
        view.IsNull("spid").ShouldBeTrue();
        view.Str("private").ShouldBe("p");
        (await pool.GetAsync("/ioasids/1")).Json.ToString().ShouldBe(view.ToString());
    }

    [Fact]
    public async Task Get_of_an_id_that_is_not_allocated_is_404()
    {
        var pool = await client.NewPoolAsync();

        (await pool.GetAsync("/ioasids/42")).ShouldBeProblem(404, "UnknownId", "ENOENT");
    }

    [Fact]
    public async Task Refs_and_releases_follow_S17()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        var got = await pool.AcquireAsync(1, "kvm", setId: 0);
        got.ShouldHaveStatus(200);
        got.Json.Number("refs").ShouldBe(2);
        got.Json.Str("state").ShouldBe("active");
        got.Json.GetProperty("holders").GetProperty("kvm").GetInt32().ShouldBe(1);
        (await pool.AcquireAsync(1, "iommu")).Json.Number("refs").ShouldBe(3);

        var put = await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm", setId = 0 });
        put.ShouldHaveStatus(200);
        put.Json.Number("refs").ShouldBe(2);
        put.Json.GetProperty("reclaimed").GetBoolean().ShouldBeFalse();
        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "iommu" })).Json.Number("refs").ShouldBe(1);
        (await pool.GetAsync("/ioasids/1")).Json.Str("state").ShouldBe("idle");
    }

    [Fact]
    public async Task The_last_put_on_an_idle_id_reclaims_it_silently_S20()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var notifications = (await pool.NotificationsAsync()).Count;

        var put = await pool.PostAsync("/ioasids/1/refs/release", new { holder = "core", setId = 0 });

        put.Json.GetProperty("reclaimed").GetBoolean().ShouldBeTrue();
        put.Json.Number("refs").ShouldBe(0);
        (await pool.GetAsync("/ioasids/1")).ShouldBeProblem(404, "UnknownId", "ENOENT");
        (await pool.NotificationsAsync()).Count.ShouldBe(notifications);
        var set = (await pool.GetAsync("/sets/0")).Json;
        set.Number("count").ShouldBe(0);
        set.Str("state").ShouldBe("live");
    }

    [Fact]
    public async Task Free_of_an_idle_id_reclaims_it_at_once_S22()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        var freed = await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        freed.ShouldHaveStatus(200);
        freed.Json.ShouldHaveProperties("outcome", "reason");
        freed.Json.Str("outcome").ShouldBe("reclaimed");
        freed.Json.IsNull("reason").ShouldBeTrue();
        (await pool.GetAsync("/sets/0")).Json.Number("count").ShouldBe(0);
    }

    [Fact]
    public async Task Free_of_a_held_id_goes_free_pending_and_puts_complete_it_S26()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.AcquireAsync(1, "kvm");
        await pool.AcquireAsync(1, "kvm");

        var freed = await pool.PostAsync("/ioasids/1/free", new { setId = 0 });
        freed.Json.Str("outcome").ShouldBe("free_pending");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(2);

        (await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm" })).Json.GetProperty("reclaimed").GetBoolean().ShouldBeFalse();
        var last = await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm" });
        last.Json.GetProperty("reclaimed").GetBoolean().ShouldBeTrue();
        (await pool.GetAsync("/ioasids/1")).ShouldHaveStatus(404);
    }

    [Fact]
    public async Task Reclaimed_ids_come_back_with_a_new_generation()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 4);
        await pool.AllocateAsync(0);
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        var again = await pool.AllocateAsync(0);

        again.Number("id").ShouldBe(1);
        again.Number("generation").ShouldBe(2);
    }
}
