using System.Text.Json.Nodes;
using Npgsql;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>A service started on an existing schema rebuilds each pool from its snapshot and stream, and carries on.</summary>
public sealed class RestartTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task After_a_restart_past_a_snapshot_every_view_and_rule_is_as_before()
    {
        var pool = await client.NewPoolAsync();
        await pool.PostAsync("/notifiers", new { name = "K", scope = "mm", token = "A", priority = "cpu" });
        await pool.PostAsync("/notifiers", new { name = "KC", scope = "mm", token = "C", priority = "cpu" });
        await pool.CreateSetAsync("mm", "A");
        await pool.CreateSetAsync("mm", "C");
        await pool.AllocateAsync(0, data: "p");
        await pool.AllocateAsync(0);
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });
        await pool.AcquireAsync(2, "kvm");
        await pool.PostAsync("/ioasids/2/free", new { setId = 0 });
        await pool.DeleteAsync("/sets/1");
        // Cross the writer's snapshot interval (1000 events) with reserve/cancel pairs.
        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => pool.PostAsync("/capacity/reserve", new { count = 1 })));
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => pool.PostAsync("/capacity/cancel", new { count = 1 })));
        }

        (await SnapshotCountAsync(pool.Name)).ShouldBeGreaterThan(0);
        var before = await ViewsAsync(pool);
        await using var twin = api.Twin();
        var again = new PoolClient(twin.NewClient(), pool.Name);

        Same(await ViewsAsync(again), before);
        (await again.PostAsync("/sets", new { type = "mm", token = "A", quota = 1 })).ShouldBeProblem(409, "TokenInUse", "EEXIST");
        (await again.CreateSetAsync("mm", "C")).Number("setId").ShouldBe(1);
        (await again.PutAsync("/ioasids/3/spid", new { spid = 101 })).ShouldBeProblem(404, "UnknownId", "ENOENT");
        var next = await again.AllocateAsync(0);
        next.Number("id").ShouldBe(3);
        (await again.PutAsync("/ioasids/3/spid", new { spid = 101 })).ShouldBeProblem(400, "SpidCollision", "EINVAL");
        (await again.PostAsync("/sets/0/spids/101/lookup", new { get = false })).Json.Number("id").ShouldBe(1);
        (await again.AcquireAsync(2, "vdcm")).ShouldBeProblem(409, "FreePending", "EBUSY");
        (await again.PostAsync("/ioasids/2/refs/release", new { holder = "kvm" })).Json.GetProperty("reclaimed").GetBoolean().ShouldBeTrue();
        (await again.AllocateAsync(0)).Number("generation").ShouldBe(2);
        Recipients((await again.NotificationsAsync(afterVersion: 1000)).Last()).ShouldBe(["K"]);
    }

    private static async Task<JsonObject> ViewsAsync(PoolClient pool) => new()
    {
        ["pool"] = JsonNode.Parse((await pool.GetAsync()).Body),
        ["sets"] = JsonNode.Parse((await pool.GetAsync("/sets")).Body),
        ["ioasid1"] = JsonNode.Parse((await pool.GetAsync("/ioasids/1")).Body),
        ["ioasid2"] = JsonNode.Parse((await pool.GetAsync("/ioasids/2")).Body),
        ["notifiers"] = JsonNode.Parse((await pool.GetAsync("/notifiers")).Body),
    };

    private async Task<long> SnapshotCountAsync(string name)
    {
        await using var conn = await api.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("select count(*) from snapshots where stream_id = @stream", conn);
        cmd.Parameters.AddWithValue("stream", $"pool-{name}");
        return (long)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static void Same(JsonObject actual, JsonObject expected) =>
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"after restart {actual.ToJsonString()}\nbefore        {expected.ToJsonString()}");

    private static List<string?> Recipients(System.Text.Json.JsonElement notification) =>
        [.. notification.GetProperty("recipients").EnumerateArray().Select(r => r.GetString())];
}
