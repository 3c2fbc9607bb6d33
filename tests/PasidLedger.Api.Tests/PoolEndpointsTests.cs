using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>PUT/GET /v1/pools/{pool} and the capacity calls (DOMAIN.md 2.1, S1–S3, S71).</summary>
public sealed class PoolEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Put_creates_the_pool_with_the_default_capacity_and_get_returns_it()
    {
        var name = $"p-{Guid.NewGuid():N}";
        var created = await client.SendAsync(HttpMethod.Put, $"/v1/pools/{name}");

        created.ShouldHaveStatus(200);
        created.MediaType.ShouldBe("application/json");
        created.Json.ShouldHaveProperties("pool", "capacity", "available", "capacityInstalled", "version");
        created.Json.Str("pool").ShouldBe(name);
        created.Json.Number("capacity").ShouldBe(1_048_576);
        created.Json.Number("available").ShouldBe(1_048_576);
        created.Json.GetProperty("capacityInstalled").GetBoolean().ShouldBeFalse();
        created.Json.Number("version").ShouldBe(1);
        (await client.SendAsync(HttpMethod.Get, $"/v1/pools/{name}")).Body.ShouldBe(created.Body);
    }

    [Fact]
    public async Task Put_on_an_existing_pool_is_idempotent_and_stores_nothing_more()
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        var again = await client.SendAsync(HttpMethod.Put, pool.Path);

        again.ShouldHaveStatus(200);
        again.Json.Number("version").ShouldBe(1);
        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Put_on_an_existing_pool_with_other_options_is_409_and_changes_nothing()
    {
        var pool = new PoolClient(client, $"o-{Guid.NewGuid():N}");
        (await pool.PutAsync("", new { dispatch = "mergedByPriority" })).ShouldHaveStatus(200);
        var before = await pool.FootprintAsync();

        (await pool.PutAsync("", new { dispatch = "perChainGlobalFirst" })).ShouldBeProblem(409, "PoolOptionsConflict", "EEXIST");
        (await pool.PutAsync("", new { dispatch = "mergedByPriority", autoDestroyWhenEmpty = true })).ShouldBeProblem(409, "PoolOptionsConflict", "EEXIST");
        (await pool.PutAsync("", new { dispatch = "mergedByPriority" })).ShouldHaveStatus(200);

        var after = await pool.FootprintAsync();
        after.Events.ShouldBe(before.Events);
        after.Rejections.ShouldBe(before.Rejections + 2, "a refusal is recorded, as every refusal is");
    }

    [Fact]
    public async Task Install_capacity_is_one_shot_and_the_second_call_is_ignored()
    {
        var pool = await client.NewPoolAsync();

        var first = await pool.PostAsync("/capacity/install", new { total = 65_536 });
        var second = await pool.PostAsync("/capacity/install", new { total = 32_768 });

        first.ShouldHaveStatus(200);
        first.Json.Number("capacity").ShouldBe(65_536);
        first.Json.Number("available").ShouldBe(65_536);
        first.Json.GetProperty("capacityInstalled").GetBoolean().ShouldBeTrue();
        first.Json.ShouldHaveProperties("pool", "capacity", "available", "capacityInstalled", "version", "outcome", "reason");
        first.Json.Str("outcome").ShouldBe("installed");
        first.Json.IsNull("reason").ShouldBeTrue();
        second.ShouldHaveStatus(200);
        second.Json.Str("outcome").ShouldBe("ignored");
        second.Json.Str("reason").ShouldBe("CapacityAlreadySet");
        second.Json.Number("capacity").ShouldBe(65_536);
        (await pool.GetAsync()).Json.Number("available").ShouldBe(65_536);
        (await pool.RejectionsAsync()).ShouldHaveSingleItem().Str("reason").ShouldBe("CapacityAlreadySet");
    }

    [Fact]
    public async Task Reserve_and_cancel_follow_scenario_S3()
    {
        var pool = await client.NewPoolAsync();

        var hundred = await pool.PostAsync("/capacity/reserve", new { count = 100 });
        hundred.ShouldHaveStatus(200);
        hundred.Json.ShouldHaveProperties("reserved", "available");
        hundred.Json.Number("reserved").ShouldBe(100);
        hundred.Json.Number("available").ShouldBe(1_048_476);

        var rest = await pool.PostAsync("/capacity/reserve", new { count = 0 });
        rest.Json.Number("reserved").ShouldBe(1_048_476);
        rest.Json.Number("available").ShouldBe(0);

        (await pool.PostAsync("/capacity/reserve", new { count = 1 })).ShouldBeProblem(409, "CapacityExhausted", "ENOSPC");

        var cancelled = await pool.PostAsync("/capacity/cancel", new { count = 1_048_476 });
        cancelled.ShouldHaveStatus(200);
        cancelled.Json.ShouldHaveProperties("available");
        cancelled.Json.Number("available").ShouldBe(1_048_476);

        (await pool.PostAsync("/capacity/cancel", new { count = 101 })).ShouldBeProblem(400, "CancelExceedsCapacity", "EINVAL");
        (await pool.PostAsync("/capacity/cancel", new { count = 100 })).Json.Number("available").ShouldBe(1_048_576);
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_576);
    }

    [Fact]
    public async Task Install_capacity_after_a_set_exists_is_EBUSY()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync();

        (await pool.PostAsync("/capacity/install", new { total = 4096 })).ShouldBeProblem(409, "CapacityInUse", "EBUSY");
        (await pool.GetAsync()).Json.Number("capacity").ShouldBe(1_048_576);
    }

    [Fact]
    public async Task Install_capacity_of_zero_is_EINVAL()
    {
        var pool = await client.NewPoolAsync();

        (await pool.PostAsync("/capacity/install", new { total = 0 })).ShouldBeProblem(400, "InvalidCapacity", "EINVAL");
    }

    [Fact]
    public async Task Get_of_an_unknown_pool_is_404_UnknownPool()
    {
        var response = await client.SendAsync(HttpMethod.Get, $"/v1/pools/nope-{Guid.NewGuid():N}");

        response.ShouldBeProblem(404, "UnknownPool", "ENOENT");
    }

    [Fact]
    public async Task Cancel_of_more_than_2_pow_32_minus_1_is_400_before_deciding()
    {
        // The domain's own overflow regression (count + capacity_avail in a long) is a domain scenario now.
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/capacity/reserve", new { count = 10 });

        (await pool.PostAsync("/capacity/cancel", new { count = long.MaxValue })).ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_566);
    }

    [Fact]
    public async Task Quota_zero_is_unlimited_and_reserves_nothing_S8()
    {
        var pool = await client.NewPoolAsync();

        (await pool.CreateSetAsync("mm", "A", quota: 0)).Number("setId").ShouldBe(0);
        (await pool.CreateSetAsync("mm", "B", quota: 0)).Number("setId").ShouldBe(1);

        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_576);
        (await pool.AllocateAsync(1, 1, 100)).Number("id").ShouldBe(1);
    }
}
