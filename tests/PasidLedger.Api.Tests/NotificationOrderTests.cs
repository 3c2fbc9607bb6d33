using System.Text.Json;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Who receives what, in which order, read back through GET notifications (DOMAIN.md 4.5, S7, S9, S23, S30).</summary>
public sealed class NotificationOrderTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Registration_by_mm_before_the_set_exists_delivers_ALLOC_to_K_then_D_only_S7()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" });
        await pool.PostAsync("/notifiers", new { name = "D", scope = "mm", token = "A", priority = "device" });
        await pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu" });

        await pool.CreateSetAsync("mm", "A");
        (await pool.NotificationsAsync()).ShouldBeEmpty();
        await pool.AllocateAsync(0, 1, 0xFFFFF, "p");

        var alloc = (await pool.NotificationsAsync()).ShouldHaveSingleItem();
        alloc.ShouldHaveProperties("version", "kind", "id", "generation", "spid", "setId", "private", "recipients");
        alloc.Str("kind").ShouldBe("alloc");
        alloc.Number("id").ShouldBe(1);
        alloc.Number("generation").ShouldBe(1);
        alloc.IsNull("spid").ShouldBeTrue();
        alloc.Number("setId").ShouldBe(0);
        alloc.Str("private").ShouldBe("p");
        Recipients(alloc).ShouldBe(["K", "D"]);
    }

    [Fact]
    public async Task Free_of_an_active_id_goes_to_the_global_chain_first_then_the_set_chain_by_priority_S23()
    {
        var pool = await client.NewPoolAsync();
        // Registered against priority order, so only the chain rules can give I, K, D.
        await pool.PostAsync("/notifiers", new { name = "D", scope = "mm", token = "A", priority = "device" });
        await pool.PostAsync("/notifiers", new { name = "L", scope = "mm", token = "A", priority = "last" });
        await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" });
        await pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu" });
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        (await pool.PutAsync("/ioasids/1/spid", new { spid = 101 })).ShouldHaveStatus(200);
        await pool.AcquireAsync(1, "kvm", setId: 0);
        await pool.AcquireAsync(1, "kvm", setId: 0);

        var freed = await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        freed.Json.Str("outcome").ShouldBe("free_pending");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(2);
        var all = await pool.NotificationsAsync();
        all.Select(n => n.Str("kind")).ShouldBe(["alloc", "bind", "free"]);
        Recipients(all[0]).ShouldBe(["K", "D", "L"]);
        Recipients(all[1]).ShouldBe(["K", "D", "L"]);
        all[1].Number("spid").ShouldBe(101);
        Recipients(all[2]).ShouldBe(["I", "K", "D", "L"]);
        all[2].Number("spid").ShouldBe(101);
        all.Select(n => n.Number("version")).ShouldBeInOrder();
    }

    [Fact]
    public async Task The_merged_dispatch_policy_orders_FREE_by_priority_across_chains()
    {
        var pool = new PoolClient(client, $"m-{Guid.NewGuid():N}");
        (await pool.PutAsync("", new { dispatch = "mergedByPriority" })).ShouldHaveStatus(200);
        await pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu" });
        await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" });
        await pool.PostAsync("/notifiers", new { name = "D", scope = "mm", token = "A", priority = "device" });
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.AcquireAsync(1, "kvm");

        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        Recipients((await pool.NotificationsAsync()).Last()).ShouldBe(["K", "I", "D"]);
    }

    [Fact]
    public async Task Get_and_put_reactions_run_inside_bind_and_unbind()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/notifiers", new
        {
            name = "K",
            scope = "mm",
            token = "A",
            priority = "cpu",
            reactions = new[] { new { on = "bind", action = "get" }, new { on = "unbind", action = "put" } },
        });
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);

        var bound = await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });
        bound.Json.Number("refs").ShouldBe(2);
        bound.Json.GetProperty("holders").GetProperty("K").GetInt32().ShouldBe(1);
        await pool.DeleteAsync("/ioasids/1/spid");
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
        var unbind = (await pool.NotificationsAsync()).Last();
        unbind.Str("kind").ShouldBe("unbind");
        unbind.Number("spid").ShouldBe(101);
    }

    [Fact]
    public async Task A_reaction_that_would_notify_is_refused_as_ChainedNotification_and_free_completes_S45()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/notifiers", new { name = "T", scope = "global", priority = "iommu", reactions = new[] { new { on = "free", action = "detach_spid" } } });
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });
        await pool.AcquireAsync(1, "kvm");

        (await pool.PostAsync("/ioasids/1/free", new { setId = 0 })).Json.Str("outcome").ShouldBe("free_pending");

        var view = (await pool.GetAsync("/ioasids/1")).Json;
        view.Str("state").ShouldBe("free_pending");
        view.Number("spid").ShouldBe(101);
        (await pool.NotificationsAsync()).Count(n => n.Str("kind") == "unbind").ShouldBe(0);
        var refused = (await pool.RejectionsAsync()).ShouldHaveSingleItem();
        refused.Str("reason").ShouldBe("ChainedNotification");
        refused.Number("errno").ShouldBe(-35);
        refused.Str("commandType").ShouldBe("Reaction:DetachSpid");
    }

    private static List<string?> Recipients(JsonElement notification) =>
        [.. notification.GetProperty("recipients").EnumerateArray().Select(r => r.GetString())];
}
