using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Calls the kernel ignores answer 200 with outcome "ignored" and the reason, change nothing and publish nothing.</summary>
public sealed class IgnoredOutcomeTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task A_second_free_is_ignored_with_no_second_FREE_S26()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.AcquireAsync(1, "kvm");
        (await pool.PostAsync("/ioasids/1/free", new { setId = 0 })).Json.Str("outcome").ShouldBe("free_pending");
        var events = (await pool.EventsAsync()).Count;

        var again = await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        again.ShouldHaveStatus(200);
        again.Json.Str("outcome").ShouldBe("ignored");
        again.Json.Str("reason").ShouldBe("FreePending");
        (await pool.EventsAsync()).Count.ShouldBe(events);
        (await pool.NotificationsAsync()).Count(n => n.Str("kind") == "free").ShouldBe(1);
    }

    [Fact]
    public async Task Free_by_a_set_that_does_not_own_the_id_is_ignored()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.CreateSetAsync("mm", "B");
        await pool.AllocateAsync(0);

        var wrongSet = await pool.PostAsync("/ioasids/1/free", new { setId = 1 });
        var nullSet = await pool.PostAsync("/ioasids/1/free", new { });

        foreach (var response in new[] { wrongSet, nullSet })
        {
            response.ShouldHaveStatus(200);
            response.Json.Str("outcome").ShouldBe("ignored");
            response.Json.Str("reason").ShouldBe("NotOwner");
        }

        (await pool.GetAsync("/ioasids/1")).Json.Str("state").ShouldBe("idle");
    }

    [Fact]
    public async Task Free_of_an_unknown_id_is_ignored_UnknownId()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        var freed = await pool.PostAsync("/ioasids/77/free", new { setId = 0 });

        freed.ShouldHaveStatus(200);
        freed.Json.Str("outcome").ShouldBe("ignored");
        freed.Json.Str("reason").ShouldBe("UnknownId");
    }

    [Fact]
    public async Task A_second_spid_detach_is_ignored_and_sends_no_second_UNBIND_S34()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });

        var first = await pool.DeleteAsync("/ioasids/1/spid");
        var second = await pool.DeleteAsync("/ioasids/1/spid");

        first.ShouldHaveStatus(200);
        first.Json.Str("outcome").ShouldBe("unbound");
        second.ShouldHaveStatus(200);
        second.Json.Str("outcome").ShouldBe("ignored");
        second.Json.Str("reason").ShouldBe("NoSpid");
        (await pool.NotificationsAsync()).Count(n => n.Str("kind") == "unbind").ShouldBe(1);
    }

    [Fact]
    public async Task Put_on_an_unknown_id_is_ignored_and_returns_false_S26()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        var before = await pool.FootprintAsync();

        var put = await pool.PostAsync("/ioasids/5/refs/release", new { holder = "kvm", setId = 0 });

        put.ShouldHaveStatus(200);
        put.Json.ShouldHaveProperties("refs", "reclaimed", "outcome", "reason");
        put.Json.GetProperty("reclaimed").GetBoolean().ShouldBeFalse();
        put.Json.Number("refs").ShouldBe(0);
        put.Json.Str("outcome").ShouldBe("ignored");
        put.Json.Str("reason").ShouldBe("UnknownId");
        var after = await pool.FootprintAsync();
        after.Events.ShouldBe(before.Events);
        after.Rejections.ShouldBe(before.Rejections + 1);
    }

    [Fact]
    public async Task Detach_data_twice_and_free_all_on_an_unknown_set_are_ignored()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0, data: "p");

        (await pool.DeleteAsync("/ioasids/1/private")).Json.Str("outcome").ShouldBe("detached");
        var again = await pool.DeleteAsync("/ioasids/1/private");
        again.Json.Str("outcome").ShouldBe("ignored");
        again.Json.Str("reason").ShouldBe("NoPrivateData");

        var freeAll = await pool.PostAsync("/sets/9/free-all");
        freeAll.ShouldHaveStatus(200);
        freeAll.Json.Str("outcome").ShouldBe("ignored");
        freeAll.Json.Str("reason").ShouldBe("SetInvalid");
    }
}
