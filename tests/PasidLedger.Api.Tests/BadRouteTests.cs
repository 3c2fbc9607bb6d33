using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Bad pool names, unknown pools and out-of-range route values: a clear 4xx, and nothing stored.</summary>
public sealed class BadRouteTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Theory]
    [InlineData("POST", "/sets", """{"type":"mm","token":"A","quota":8}""")]
    [InlineData("POST", "/sets/0/ioasids", """{"min":1,"max":10}""")]
    [InlineData("POST", "/capacity/reserve", """{"count":1}""")]
    [InlineData("POST", "/ioasids/1/free", """{"setId":0}""")]
    [InlineData("POST", "/notifiers", """{"name":"k","scope":"mm","token":"A","priority":"cpu"}""")]
    [InlineData("GET", "", null)]
    [InlineData("GET", "/sets", null)]
    [InlineData("GET", "/sets/0", null)]
    [InlineData("GET", "/ioasids/1", null)]
    [InlineData("GET", "/ioasids/1/private", null)]
    [InlineData("GET", "/notifiers", null)]
    [InlineData("GET", "/events", null)]
    [InlineData("GET", "/notifications", null)]
    [InlineData("GET", "/rejections", null)]
    [InlineData("POST", "/sets/0/spids/5/lookup", """{"get":false}""")]
    public async Task An_unknown_pool_is_404_and_no_stream_is_created(string method, string path, string? body)
    {
        var pool = new PoolClient(client, $"ghost-{Guid.NewGuid():N}");

        var response = await client.SendRawAsync(new HttpMethod(method), pool.Path + path, body, key: "k-1");

        response.ShouldBeProblem(404, "UnknownPool", "ENOENT");
        (await pool.FootprintAsync()).ShouldBe(new Footprint(0, 0, 0, 0, 0));
    }

    [Theory]
    [InlineData("bad%20name")]
    [InlineData("-leading-dash")]
    [InlineData(".hidden")]
    [InlineData("semi%3Bcolon")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task An_invalid_pool_name_is_400_and_creates_nothing(string name)
    {
        var create = await client.SendAsync(HttpMethod.Put, $"/v1/pools/{name}");
        var read = await client.SendAsync(HttpMethod.Get, $"/v1/pools/{name}/events");

        create.ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        read.ShouldBeProblem(400, "InvalidArgument", "EINVAL");
        (await new PoolClient(client, Uri.UnescapeDataString(name)).FootprintAsync()).ShouldBe(new Footprint(0, 0, 0, 0, 0));
    }

    [Theory]
    [InlineData("POST", "/sets/2147483648/ioasids", """{"min":1,"max":10}""")]
    [InlineData("GET", "/sets/2147483648", null)]
    [InlineData("PATCH", "/sets/2147483648", """{"quota":1}""")]
    [InlineData("DELETE", "/sets/2147483648", null)]
    [InlineData("POST", "/sets/2147483648/release", "{}")]
    [InlineData("POST", "/sets/2147483648/free-all", "{}")]
    [InlineData("POST", "/sets/2147483648/spids/5/lookup", """{"get":true,"holder":"vdcm"}""")]
    [InlineData("POST", "/sets/0/spids/4294967296/lookup", """{"get":true,"holder":"vdcm"}""")]
    [InlineData("GET", "/ioasids/4294967296", null)]
    [InlineData("POST", "/ioasids/4294967296/refs", """{"holder":"kvm"}""")]
    [InlineData("POST", "/ioasids/-1/free", """{"setId":0}""")]
    [InlineData("PUT", "/ioasids/4294967296/spid", """{"spid":5}""")]
    [InlineData("DELETE", "/ioasids/4294967296/private", null)]
    [InlineData("GET", "/ioasids/1/private?setId=2147483648", null)]
    [InlineData("GET", "/events?afterVersion=-1", null)]
    [InlineData("GET", "/events?limit=0", null)]
    [InlineData("GET", "/notifications?limit=100000", null)]
    [InlineData("GET", "/rejections?limit=-3", null)]
    [InlineData("GET", "/events?afterVersion=ten", null)]
    [InlineData("DELETE", "/notifiers/0?via=both", null)]
    public async Task Out_of_range_route_and_query_values_are_400_and_store_nothing(string method, string path, string? body)
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        var before = await pool.FootprintAsync();

        var response = await pool.Client.SendRawAsync(new HttpMethod(method), pool.Path + path, body);

        response.ShouldBeClientProblem(400);
        (await pool.FootprintAsync()).ShouldBe(before);
    }
}
