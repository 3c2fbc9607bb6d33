using System.Text.Json.Nodes;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// Time travel on the GET views: <c>?asOf=V</c> answers the body the live view answered right after
/// version V, plus <c>asOf</c>; <c>?asOfTime=</c> picks the last version at or before an instant.
/// </summary>
public sealed class AsOfTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Each_view_as_of_a_past_version_is_the_live_view_of_that_moment()
    {
        var pool = await client.NewPoolAsync();
        var moments = new List<(long Version, Dictionary<string, JsonNode?> Views)> { await MomentAsync(pool) };
        await pool.PostAsync("/notifiers", new { name = "K", scope = "global", priority = "cpu" });
        moments.Add(await MomentAsync(pool));
        await pool.CreateSetAsync("mm", "A");
        moments.Add(await MomentAsync(pool));
        await pool.AllocateAsync(0, data: "p");
        moments.Add(await MomentAsync(pool));
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });
        await pool.AcquireAsync(1, "kvm");
        moments.Add(await MomentAsync(pool));
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });
        moments.Add(await MomentAsync(pool));
        await pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm", setId = 0 });
        await pool.PostAsync("/capacity/reserve", new { count = 5 });
        moments.Add(await MomentAsync(pool));

        foreach (var (version, views) in moments)
        {
            foreach (var (path, live) in views)
            {
                var past = await pool.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}asOf={version}");
                past.Code.ShouldBe(live is null ? 404 : 200, $"{path} as of {version}: {past}");
                if (live is null)
                {
                    continue;
                }

                var body = JsonNode.Parse(past.Body)!.AsObject();
                body["asOf"]!["version"]!.GetValue<long>().ShouldBe(version);
                body["asOf"]!["time"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
                body.Remove("asOf");
                var expected = live is JsonArray ? new JsonObject { ["items"] = live.DeepClone() } : live;
                JsonNode.DeepEquals(body, expected).ShouldBeTrue($"{path} as of {version}\n  got  {body.ToJsonString()}\n  live {expected.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task As_of_a_time_is_the_last_version_at_or_before_it()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        var allocated = await pool.AllocateAsync(0);
        var atAllocation = (await pool.GetAsync("?asOf=3")).Json.GetProperty("asOf").GetProperty("time").GetString()!;
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        var past = await pool.GetAsync($"/ioasids/1?asOfTime={Uri.EscapeDataString(atAllocation)}");

        past.Code.ShouldBe(200, past.ToString());
        past.Json.GetProperty("asOf").GetProperty("version").GetInt64().ShouldBeGreaterThanOrEqualTo(3);
        past.Json.Str("state").ShouldBe(allocated.Str("state"));
        (await pool.GetAsync("/ioasids/1")).Code.ShouldBe(404, "freed since");
        (await pool.GetAsync("?asOfTime=2000-01-01T00:00:00Z")).ShouldBeProblem(404, "UnknownPool", "ENOENT");
    }

    [Fact]
    public async Task Live_and_past_views_list_holders_in_the_order_they_first_took_a_reference()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        await pool.AcquireAsync(1, "kvm:A", 0);
        await pool.AcquireAsync(1, "zz", 0); // a jsonb object would put "zz" first: shorter keys sort first
        var live = await pool.GetAsync("/ioasids/1");
        var version = (await pool.GetAsync()).Json.Number("version");

        var past = await pool.GetAsync($"/ioasids/1?asOf={version}");

        string[] order = ["core", "kvm:A", "zz"];
        live.Json.GetProperty("holders").EnumerateObject().Select(h => h.Name).ShouldBe(order);
        past.Json.GetProperty("holders").EnumerateObject().Select(h => h.Name).ShouldBe(order);
    }

    [Theory]
    [InlineData("?asOf=0")]
    [InlineData("?asOf=-1")]
    [InlineData("?asOf=abc")]
    [InlineData("?asOf=1.5")]
    [InlineData("?asOf=1&asOf=2")]
    [InlineData("?asOf=1&asOfTime=2026-12-05T10:42:00Z")]
    [InlineData("?asOfTime=yesterday")]
    [InlineData("?asOfTime=2026-12-05")]
    [InlineData("?asOfTime=2026-12-05T10:42:00")]
    public async Task A_malformed_asOf_is_400(string query)
    {
        var pool = await client.NewPoolAsync();

        (await pool.GetAsync(query)).ShouldBeProblem(400, "InvalidArgument", "EINVAL");
    }

    [Fact]
    public async Task A_version_beyond_the_stream_is_400_and_an_unknown_pool_404()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        (await pool.GetAsync("?asOf=3")).ShouldBeProblem(400, "VersionBeyondStream", "EINVAL");
        (await pool.GetAsync("/notifiers?asOf=99")).ShouldBeProblem(400, "VersionBeyondStream", "EINVAL");
        (await client.SendAsync(HttpMethod.Get, "/v1/pools/no-such-pool/sets/0?asOf=1")).ShouldBeProblem(404, "UnknownPool", "ENOENT");
        (await pool.GetAsync("/ioasids/1?asOf=2")).ShouldBeProblem(404, "UnknownId", "ENOENT");
        (await pool.GetAsync("/sets/0?asOf=1")).ShouldBeProblem(404, "UnknownSet", "ENOENT");
    }

    /// <summary>The pool's version and every view as the live endpoints answer them now (null: 404).</summary>
    private static async Task<(long, Dictionary<string, JsonNode?>)> MomentAsync(PoolClient pool)
    {
        var views = new Dictionary<string, JsonNode?>();
        foreach (var path in new[] { "", "/sets/0", "/ioasids/1", "/notifiers" })
        {
            var live = await pool.GetAsync(path);
            views[path] = live.Code == 404 ? null : JsonNode.Parse(live.Body);
        }

        return ((long)views[""]!["version"]!, views);
    }
}
