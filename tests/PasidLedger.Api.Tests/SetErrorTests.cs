using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary><c>set_alloc</c> failures through POST sets (S4–S6, S11), each storing one rejection and no event.</summary>
public sealed class SetErrorTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task A_second_mm_set_for_the_same_token_is_409_EEXIST_S6()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/sets", new { type = "mm", token = "A", quota = 4 })).ShouldBeProblem(409, "TokenInUse", "EEXIST");

        var after = await pool.FootprintAsync();
        after.Events.ShouldBe(before.Events);
        after.Rejections.ShouldBe(before.Rejections + 1);
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_568);
    }

    [Fact]
    public async Task Null_sets_may_repeat_S6()
    {
        var pool = await client.NewPoolAsync();

        (await pool.CreateSetAsync("null", quota: 4)).Number("setId").ShouldBe(0);
        (await pool.CreateSetAsync("null", quota: 4)).Number("setId").ShouldBe(1);
    }

    [Fact]
    public async Task A_quota_above_capacity_avail_is_409_ENOSPC_S4()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/capacity/reserve", new { count = 1_048_570 });

        (await pool.PostAsync("/sets", new { type = "mm", token = "A", quota = 7 })).ShouldBeProblem(409, "CapacityExhausted", "ENOSPC");
        (await pool.CreateSetAsync("mm", "A", quota: 6)).Number("setId").ShouldBe(0);
        (await pool.PostAsync("/sets", new { type = "mm", token = "B", quota = 1 })).ShouldBeProblem(409, "CapacityExhausted", "ENOSPC");
    }

    [Fact]
    public async Task Allocation_past_the_quota_is_409_ENOSPC_and_publishes_no_alloc_S11()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "Q", quota: 2);
        (await pool.AllocateAsync(0)).Number("id").ShouldBe(1);
        (await pool.AllocateAsync(0)).Number("id").ShouldBe(2);
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 0xFFFFF })).ShouldBeProblem(409, "QuotaExceeded", "ENOSPC");

        (await pool.FootprintAsync()).Events.ShouldBe(before.Events);
        (await pool.GetAsync("/sets/0")).Json.Number("count").ShouldBe(2);
    }

    [Theory]
    [InlineData("MM")]
    [InlineData("3")]
    [InlineData("pasid")]
    [InlineData("")]
    public async Task An_unknown_set_type_is_400_EINVAL_and_stores_nothing(string type)
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/sets", new { type, token = "A", quota = 4 })).ShouldBeProblem(400, "InvalidSetType", "EINVAL");

        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Token_rules_of_S5_are_400_EINVAL()
    {
        var pool = await client.NewPoolAsync();

        (await pool.PostAsync("/sets", new { type = "mm", quota = 4 })).ShouldBeProblem(400, "TokenRequired", "EINVAL");
        (await pool.PostAsync("/sets", new { type = "null", token = "0xB0B", quota = 4 })).ShouldBeProblem(400, "TokenNotAllowed", "EINVAL");
        (await pool.GetAsync()).Json.Number("available").ShouldBe(1_048_576);
    }

    [Fact]
    public async Task Allocation_in_a_destroyed_set_is_400_SetInvalid_S15()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 4);
        (await pool.DeleteAsync("/sets/0")).ShouldHaveStatus(200);

        (await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 10 })).ShouldBeProblem(400, "SetInvalid", "EINVAL");
        (await pool.PostAsync("/sets/99/ioasids", new { min = 1, max = 10 })).ShouldBeProblem(400, "SetInvalid", "EINVAL");
    }

    [Fact]
    public async Task Min_above_max_is_409_NoFreeId()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 4);

        (await pool.PostAsync("/sets/0/ioasids", new { min = 10, max = 5 })).ShouldBeProblem(409, "NoFreeId", "ENOSPC");
    }
}
