using System.Text.Json.Nodes;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Idempotency-Key: a retry answers the first result and stores nothing more.</summary>
public sealed class IdempotencyTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task A_retried_allocation_answers_the_same_status_and_body_and_appends_no_event()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        var first = await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 }, key: "alloc-1");
        var events = (await pool.EventsAsync()).Count;

        var retry = await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 }, key: "alloc-1");

        retry.Code.ShouldBe(201);
        retry.Body.ShouldBe(first.Body);
        (await pool.EventsAsync()).Count.ShouldBe(events);
        (await pool.GetAsync("/sets/0")).Json.Number("count").ShouldBe(1);
    }

    [Fact]
    public async Task A_key_reused_for_a_different_command_is_409_and_changes_nothing()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 }, key: "alloc-2");
        var events = (await pool.EventsAsync()).Count;

        var reused = await pool.PostAsync("/sets/0/ioasids", new { min = 5, max = 100 }, key: "alloc-2");

        reused.ShouldBeProblem(409, "IdempotencyKeyReused", "EEXIST");
        (await pool.EventsAsync()).Count.ShouldBe(events);
        (await pool.GetAsync("/sets/0")).Json.Number("count").ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_answers_the_first_result_even_after_the_state_moved_on()
    {
        var pool = await client.NewPoolAsync();
        var created = await pool.PostAsync("/sets", new { type = "null", quota = 4 }, key: "set-1");
        await pool.AllocateAsync(0);

        var retry = await pool.PostAsync("/sets", new { type = "null", quota = 4 }, key: "set-1");

        retry.Code.ShouldBe(201);
        retry.Body.ShouldBe(created.Body);
        retry.Json.Number("count").ShouldBe(0);
        (await pool.GetAsync("/sets")).Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_rejected_command_answers_the_same_problem_and_stores_one_rejection()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        var first = await pool.PostAsync("/sets", new { type = "mm", token = "A", quota = 4 }, key: "dup-1");
        var retry = await pool.PostAsync("/sets", new { type = "mm", token = "A", quota = 4 }, key: "dup-1");

        first.ShouldBeProblem(409, "TokenInUse", "EEXIST");
        retry.Code.ShouldBe(first.Code);
        WithoutTraceId(retry.Body).ShouldBe(WithoutTraceId(first.Body));
        (await pool.RejectionsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_ignored_free_answers_the_same_body_and_stores_one_rejection()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        var first = await pool.PostAsync("/ioasids/5/free", new { setId = 0 }, key: "free-5");
        var retry = await pool.PostAsync("/ioasids/5/free", new { setId = 0 }, key: "free-5");

        retry.Code.ShouldBe(200);
        retry.Body.ShouldBe(first.Body);
        (await pool.RejectionsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_take_effect_once()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("null", quota: 16);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pool.PostAsync("/sets/0/ioasids", new { min = 1, max = 100 }, key: "same")));

        answers.Select(a => a.Code).Distinct().ShouldBe([201]);
        answers.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        (await pool.GetAsync("/sets/0")).Json.Number("count").ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_their_pool_and_requests_without_a_key_each_take_effect()
    {
        var one = await client.NewPoolAsync();
        var two = await client.NewPoolAsync();

        (await one.PostAsync("/sets", new { type = "null", quota = 1 }, key: "k")).ShouldHaveStatus(201);
        (await two.PostAsync("/sets", new { type = "null", quota = 1 }, key: "k")).ShouldHaveStatus(201);
        (await one.PostAsync("/sets", new { type = "null", quota = 1 })).Json.Number("setId").ShouldBe(1);
        (await two.GetAsync("/sets")).Json.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_key_over_200_characters_is_400_and_stores_nothing()
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        (await pool.PostAsync("/sets", new { type = "null", quota = 1 }, key: new string('k', 201))).ShouldBeProblem(400, "InvalidArgument", "EINVAL");

        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("tab\tkey")]
    [InlineData("clé")]
    public async Task A_key_that_is_not_printable_ascii_is_400_and_stores_nothing(string key)
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        var refused = await client.SendRawAsync(HttpMethod.Post, pool.Path + "/sets", """{"type":"null","quota":1}""", key: key);

        refused.ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Two_Idempotency_Key_headers_are_400_and_store_nothing()
    {
        var pool = await client.NewPoolAsync();
        var before = await pool.FootprintAsync();

        var refused = await client.SendRawAsync(HttpMethod.Post, pool.Path + "/sets", """{"type":"null","quota":1}""", keys: ["one", "two"]);

        refused.ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await pool.FootprintAsync()).ShouldBe(before);
    }

    private static string WithoutTraceId(string problem)
    {
        var json = JsonNode.Parse(problem)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString();
    }
}
