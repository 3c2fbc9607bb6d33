using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>POST/GET/DELETE notifiers (DOMAIN.md 2.5, 3.6, S37, S38).</summary>
public sealed class NotifierEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Registration_answers_201_and_the_list_shows_each_registration()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null");

        var global = await pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu", endpoint = "queue:iommu" });
        var set = await pool.PostAsync("/notifiers", new { name = "V", scope = "set", setId = 0, priority = "device" });
        var mm = await pool.PostAsync("/notifiers", new
        {
            name = "K",
            scope = "mm",
            token = "A",
            priority = "cpu",
            reactions = new[] { new { on = "bind", action = "get" }, new { on = "unbind", action = "put" } },
        });

        global.ShouldHaveStatus(201);
        global.Json.ShouldHaveProperties("notifierId", "active");
        global.Json.GetProperty("active").GetBoolean().ShouldBeTrue();
        set.Json.GetProperty("active").GetBoolean().ShouldBeTrue();
        mm.Json.GetProperty("active").GetBoolean().ShouldBeFalse();
        var list = (await pool.GetAsync("/notifiers")).Json.EnumerateArray().ToList();
        list.Select(n => n.Str("name")).ShouldBe(["I", "V", "K"]);
        list.Select(n => n.Number("notifierId")).ShouldBe([global.Json.Number("notifierId"), set.Json.Number("notifierId"), mm.Json.Number("notifierId")]);
        list[0].ShouldHaveProperties("notifierId", "name", "scope", "setId", "token", "priority", "endpoint", "reactions", "active");
        list[0].Str("endpoint").ShouldBe("queue:iommu");
        list[1].Number("setId").ShouldBe(0);
        list[2].Str("token").ShouldBe("A");
        list[2].Str("scope").ShouldBe("mm");
        list[2].GetProperty("reactions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task An_mm_registration_activates_with_its_set_and_goes_inactive_when_the_set_is_destroyed()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" });

        await pool.CreateSetAsync("mm", "A");
        var active = (await pool.GetAsync("/notifiers")).Json.EnumerateArray().Single();
        await pool.DeleteAsync("/sets/0");
        var inactive = (await pool.GetAsync("/notifiers")).Json.EnumerateArray().Single();

        active.GetProperty("active").GetBoolean().ShouldBeTrue();
        active.Number("setId").ShouldBe(0);
        inactive.GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Registration_errors_follow_S37()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" });
        await pool.CreateSetAsync("mm", "A");

        (await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" })).ShouldBeProblem(409, "NotifierDuplicate", "EBUSY");
        await pool.AllocateAsync(0);
        (await pool.PostAsync("/notifiers", new { name = "Y", scope = "mm", token = "A", priority = "cpu" })).ShouldBeProblem(409, "SetNotEmpty", "EBUSY");
        (await pool.PostAsync("/notifiers", new { name = "Z", scope = "mm", token = "C", priority = "cpu" })).ShouldHaveStatus(201);
        (await pool.PostAsync("/notifiers", new { name = "Z", scope = "mm", token = "C", priority = "cpu" })).ShouldBeProblem(409, "NotifierDuplicate", "EBUSY");
        (await pool.PostAsync("/notifiers", new { name = "V", scope = "set", setId = 9, priority = "cpu" })).ShouldBeProblem(400, "SetInvalid", "EINVAL");
        (await pool.PostAsync("/notifiers", new { name = "V", scope = "galaxy", priority = "cpu" })).ShouldBeProblem(400, "InvalidScope", "EINVAL");
        (await pool.PostAsync("/notifiers", new { name = "V", scope = "global", priority = "high" })).ShouldBeProblem(400, "InvalidPriority", "EINVAL");
        (await pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu" })).ShouldHaveStatus(201);
        (await pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu" })).ShouldBeProblem(409, "NotifierDuplicate", "EBUSY");
        (await pool.GetAsync("/notifiers")).Json.EnumerateArray().Select(n => n.Str("name")).Order().ShouldBe(["I", "K", "Z"]);
    }

    [Fact]
    public async Task Unregistration_paths_follow_S38()
    {
        var pool = await client.NewPoolAsync();
        var k = (await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" })).Json.Number("notifierId");
        await pool.PostAsync("/notifiers", new { name = "D", scope = "mm", token = "A", priority = "device" });
        await pool.CreateSetAsync("mm", "A");

        var refused = await pool.DeleteAsync($"/notifiers/{k}?via=set");
        refused.ShouldHaveStatus(200);
        refused.Json.Str("outcome").ShouldBe("ignored");
        refused.Json.Str("reason").ShouldBe("RegisteredByMm");
        await pool.AllocateAsync(0);
        (await pool.NotificationsAsync()).Last().GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).ShouldBe(["K", "D"]);

        var removed = await pool.DeleteAsync($"/notifiers/{k}?via=mm");
        removed.Json.Str("outcome").ShouldBe("unregistered");
        await pool.AllocateAsync(0);
        (await pool.NotificationsAsync()).Last().GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).ShouldBe(["D"]);

        var again = await pool.DeleteAsync($"/notifiers/{k}?via=mm");
        again.Json.Str("outcome").ShouldBe("ignored");
        again.Json.Str("reason").ShouldBe("UnknownNotifier");
        (await pool.DeleteAsync("/notifiers/77")).Json.Str("outcome").ShouldBe("ignored");
    }

    [Fact]
    public async Task Without_via_an_mm_registration_is_removed_with_unregister_notifier_mm()
    {
        var pool = await client.NewPoolAsync();
        var k = (await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" })).Json.Number("notifierId");

        (await pool.DeleteAsync($"/notifiers/{k}")).Json.Str("outcome").ShouldBe("unregistered");
        (await pool.GetAsync("/notifiers")).Json.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_retried_delete_without_via_answers_the_first_result()
    {
        var pool = await client.NewPoolAsync();
        var k = (await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" })).Json.Number("notifierId");

        var first = await pool.DeleteAsync($"/notifiers/{k}", key: "del-1");
        var retry = await pool.DeleteAsync($"/notifiers/{k}", key: "del-1");

        first.Json.Str("outcome").ShouldBe("unregistered");
        retry.Code.ShouldBe(first.Code);
        retry.Body.ShouldBe(first.Body);
    }

    [Fact]
    public async Task A_null_reaction_is_400_and_registers_nothing()
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        var response = await pool.RawAsync(HttpMethod.Post, "/notifiers", """{"name":"K","scope":"global","priority":"cpu","reactions":[null]}""");

        response.ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await pool.FootprintAsync()).ShouldBe(before);
    }
}
