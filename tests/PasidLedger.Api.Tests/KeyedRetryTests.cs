using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// A keyed retry answers exactly the first status and body, for every command endpoint: the writer
/// stores its typed result (reply and rows) and the API builds the body again from what was stored.
/// </summary>
public sealed class KeyedRetryTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Every_command_endpoint_answers_a_retry_after_the_state_moved_on_with_the_first_status_and_body()
    {
        var pool = await client.NewPoolAsync();
        var calls = Calls(pool);
        var first = new List<ApiResponse>();
        foreach (var (name, status, send) in calls)
        {
            var answer = await send($"first-{name}");
            answer.Code.ShouldBe(status, $"{name}: {answer}");
            first.Add(answer);
        }

        for (var i = 0; i < calls.Length; i++)
        {
            var retry = await calls[i].Send($"first-{calls[i].Name}");

            retry.Code.ShouldBe(first[i].Code, calls[i].Name);
            retry.MediaType.ShouldBe(first[i].MediaType, calls[i].Name);
            retry.Body.ShouldBe(first[i].Body, calls[i].Name);
        }
    }

    [Fact]
    public async Task A_retried_get_lists_the_holders_in_their_first_order_though_jsonb_sorts_object_keys()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null");
        var id = (await pool.AllocateAsync(0)).Number("id");

        // "kvm" sorts before "core" in a jsonb object (shorter keys first); the body lists "core" first.
        var first = await pool.PostAsync($"/ioasids/{id}/refs", new { holder = "kvm" }, key: "get-kvm");
        await pool.AcquireAsync(id, "a");
        var retry = await pool.PostAsync($"/ioasids/{id}/refs", new { holder = "kvm" }, key: "get-kvm");

        first.Json.GetProperty("holders").EnumerateObject().Select(h => h.Name).ShouldBe(["core", "kvm"]);
        retry.Code.ShouldBe(200);
        retry.Body.ShouldBe(first.Body);
    }

    /// <summary>One keyed call per command endpoint, in an order where each one succeeds or is ignored.</summary>
    private static (string Name, int Status, Func<string, Task<ApiResponse>> Send)[] Calls(PoolClient pool) =>
    [
        ("create-pool", 200, key => pool.PutAsync("", key: key)),
        ("install", 200, key => pool.PostAsync("/capacity/install", new { total = 1000 }, key)),
        ("install-again", 200, key => pool.PostAsync("/capacity/install", new { total = 500 }, key)),
        ("reserve", 200, key => pool.PostAsync("/capacity/reserve", new { count = 10 }, key)),
        ("cancel", 200, key => pool.PostAsync("/capacity/cancel", new { count = 5 }, key)),
        ("create-set", 201, key => pool.PostAsync("/sets", new { type = "mm", token = "A", quota = 8 }, key)),
        ("allocate", 201, key => pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 }, key)),
        ("get", 200, key => pool.PostAsync("/ioasids/1/refs", new { holder = "kvm" }, key)),
        ("attach-spid", 200, key => pool.PutAsync("/ioasids/1/spid", new { spid = 7 }, key)),
        ("attach-private", 200, key => pool.PutAsync("/ioasids/1/private", new { data = "y" }, key)),
        ("adjust-set", 200, key => pool.PatchAsync("/sets/0", new { quota = 6 }, key)),
        ("lookup-get", 200, key => pool.PostAsync("/sets/0/spids/7/lookup", new { get = true, holder = "iommu" }, key)),
        ("put", 200, key => pool.PostAsync("/ioasids/1/refs/release", new { holder = "kvm" }, key)),
        ("detach-spid", 200, key => pool.DeleteAsync("/ioasids/1/spid", key)),
        ("detach-private", 200, key => pool.DeleteAsync("/ioasids/1/private", key)),
        ("register", 201, key => pool.PostAsync("/notifiers", new { name = "I", scope = "global", priority = "iommu" }, key)),
        ("unregister", 200, key => pool.DeleteAsync("/notifiers/1", key)),
        ("free", 200, key => pool.PostAsync("/ioasids/1/free", new { setId = 0 }, key)),
        ("free-again", 200, key => pool.PostAsync("/ioasids/1/free", new { setId = 0 }, key)),
        ("free-all", 200, key => pool.PostAsync("/sets/0/free-all", key: key)),
        ("release-set", 200, key => pool.PostAsync("/sets/0/release", key: key)),
        ("create-empty-set", 201, key => pool.PostAsync("/sets", new { type = "null", quota = 1 }, key)),
        ("free-set", 200, key => pool.DeleteAsync("/sets/1", key)),
    ];
}
