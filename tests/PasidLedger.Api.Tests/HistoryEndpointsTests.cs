using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>GET events, notifications and rejections: shapes, order and paging.</summary>
public sealed class HistoryEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Events_are_listed_in_version_order_with_their_persisted_names()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        var events = await pool.EventsAsync();

        events.Select(e => e.Str("type")).ShouldBe(["pool.created.v1", "set.created.v1", "ioasid.allocated.v1", "notification.published.v1"]);
        events.Select(e => e.Number("version")).ShouldBe([1L, 2, 3, 4]);
        events[0].ShouldHaveProperties("version", "type", "recordedAt", "correlationId", "causationId", "data");
        events[1].GetProperty("data").GetProperty("token").GetString().ShouldBe("A");
        (await pool.GetAsync()).Json.Number("version").ShouldBe(4);
    }

    [Fact]
    public async Task Events_and_notifications_page_with_afterVersion_and_limit()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 8);
        for (var i = 0; i < 3; i++)
        {
            await pool.AllocateAsync(0);
        }

        var page = await pool.GetAsync("/events?afterVersion=2&limit=2");
        var notifications = await pool.GetAsync("/notifications?afterVersion=4&limit=1");

        page.Json.EnumerateArray().Select(e => e.Number("version")).ShouldBe([3L, 4]);
        (await pool.GetAsync("/events?afterVersion=100")).Json.GetArrayLength().ShouldBe(0);
        var next = notifications.Json.EnumerateArray().ShouldHaveSingleItem();
        next.Number("version").ShouldBeGreaterThan(4);
        next.Number("id").ShouldBe(2);
    }

    [Fact]
    public async Task Rejections_are_listed_newest_first_with_the_caller_and_the_command()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "mm:A");
        await pool.PostAsync("/sets", new { type = "mm", token = "mm:A", quota = 0 }, caller: "mm:A");
        await pool.PostAsync("/ioasids/9/free", new { setId = 0 }, caller: "vmm-2");

        var rejections = await pool.RejectionsAsync();

        rejections.Count.ShouldBe(2);
        rejections[0].ShouldHaveProperties("id", "reason", "errno", "ignored", "detail", "caller", "commandType", "command", "recordedAt");
        rejections[0].Str("reason").ShouldBe("UnknownId");
        rejections[0].GetProperty("ignored").GetBoolean().ShouldBeTrue();
        rejections[0].Str("caller").ShouldBe("vmm-2");
        rejections[0].Str("commandType").ShouldBe("FreeIoasid");
        rejections[1].Str("reason").ShouldBe("TokenInUse");
        rejections[1].Number("errno").ShouldBe(-17);
        rejections[1].GetProperty("ignored").GetBoolean().ShouldBeFalse();
        rejections[1].Str("caller").ShouldBe("mm:A");
        rejections[1].GetProperty("command").GetProperty("token").GetString().ShouldBe("mm:A");
        (await pool.GetAsync("/rejections?limit=1")).Json.EnumerateArray().Single().Str("reason").ShouldBe("UnknownId");
    }
}
