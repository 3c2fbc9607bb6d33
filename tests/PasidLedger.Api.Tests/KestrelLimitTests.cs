using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Request limits as Kestrel enforces them (the in-memory test server does not).</summary>
public sealed class KestrelLimitTests(KestrelLedgerApi api) : IClassFixture<KestrelLedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task A_body_over_64_KiB_with_a_content_length_is_413_and_stores_nothing()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var before = await pool.FootprintAsync();

        var response = await client.SendRawAsync(HttpMethod.Put, pool.Path + "/ioasids/1/private",
            $$"""{"data":"{{new string('x', 70_000)}}"}""", expectContinue: true);

        response.ShouldBeProblem(413, "BodyTooLarge", "EINVAL");
        (await pool.FootprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_is_413_and_stores_nothing()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var before = await pool.FootprintAsync();

        var response = await client.SendChunkedAsync(HttpMethod.Put, pool.Path + "/ioasids/1/private", $$"""{"data":"{{new string('x', 70_000)}}"}""");

        response.ShouldBeProblem(413, "BodyTooLarge", "EINVAL");
        (await pool.FootprintAsync()).ShouldBe(before);
    }
}
