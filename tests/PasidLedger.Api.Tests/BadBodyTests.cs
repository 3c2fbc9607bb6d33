using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Bodies the service cannot take: a clear 4xx problem, and nothing stored (no event, rejection or key).</summary>
public sealed class BadBodyTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    public static TheoryData<string, string, string> WrongTypesAndMissingFields => new()
    {
        { "POST", "/sets/0/ioasids", """{"min":"1","max":10}""" },
        { "POST", "/sets/0/ioasids", """{"min":1.5,"max":10}""" },
        { "POST", "/sets/0/ioasids", """{"min":1}""" },
        { "POST", "/sets/0/ioasids", """{}""" },
        { "POST", "/sets/0/ioasids", """[]""" },
        { "POST", "/sets", """{"type":"mm","token":"B","quota":"8"}""" },
        { "POST", "/sets", """{"type":2,"token":"B","quota":8}""" },
        { "POST", "/sets", """{"token":"B","quota":8}""" },
        { "POST", "/sets", """{"type":"mm","token":"B"}""" },
        { "POST", "/sets", """{"type":"mm","token":42,"quota":8}""" },
        { "POST", "/ioasids/1/refs", """{"setId":0}""" },
        { "POST", "/ioasids/1/refs", """{"holder":"kvm","setId":"0"}""" },
        { "POST", "/ioasids/1/refs", """{"holder":"kvm","ifOwned":"yes"}""" },
        { "POST", "/ioasids/1/refs/release", """{"setId":0}""" },
        { "POST", "/ioasids/1/free", """{"setId":true}""" },
        { "PUT", "/ioasids/1/spid", """{}""" },
        { "PUT", "/ioasids/1/spid", """{"spid":"101"}""" },
        { "PUT", "/ioasids/1/private", """{}""" },
        { "PUT", "/ioasids/1/private", """{"data":7}""" },
        { "PATCH", "/sets/0", """{}""" },
        { "POST", "/capacity/install", """{}""" },
        { "POST", "/capacity/reserve", """{"count":null}""" },
        { "POST", "/capacity/cancel", """{"count":"all"}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"galaxy","priority":"cpu"}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"global","priority":"high"}""" },
        { "POST", "/notifiers", """{"scope":"global","priority":"cpu"}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"set","priority":"cpu"}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"mm","priority":"cpu"}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"global","priority":"cpu","reactions":[{"on":"free","action":"eat"}]}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"Global","priority":"cpu"}""" },
        { "POST", "/sets/0/spids/101/lookup", """{"get":true}""" },
        { "PUT", "", """{"dispatch":"fast"}""" },
        { "PUT", "", """{"autoDestroyWhenEmpty":"yes"}""" },
        { "POST", "/sets", $$"""{"type":"mm","token":"{{new string('t', 201)}}","quota":1}""" },
    };

    public static TheoryData<string, string, string> OutOfRangeNumbers => new()
    {
        { "POST", "/sets/0/ioasids", """{"min":-1,"max":10}""" },
        { "POST", "/sets/0/ioasids", """{"min":4294967296,"max":4294967296}""" },
        { "POST", "/sets/0/ioasids", """{"min":1,"max":4294967296}""" },
        { "POST", "/sets/0/ioasids", """{"min":1,"max":18446744073709551616}""" },
        { "PUT", "/ioasids/1/spid", """{"spid":4294967296}""" },
        { "PUT", "/ioasids/1/spid", """{"spid":-1}""" },
        { "POST", "/sets", """{"type":"mm","token":"B","quota":-1}""" },
        { "POST", "/capacity/install", """{"total":-1}""" },
        { "POST", "/capacity/reserve", """{"count":-5}""" },
        { "POST", "/capacity/cancel", """{"count":-5}""" },
        { "POST", "/ioasids/1/refs", """{"holder":"kvm","setId":2147483648}""" },
        { "POST", "/ioasids/1/refs/release", """{"holder":"kvm","setId":2147483648}""" },
        { "POST", "/ioasids/1/free", """{"setId":2147483648}""" },
        { "POST", "/ioasids/1/free", """{"setId":0,"generation":2147483648}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"set","setId":2147483648,"priority":"cpu"}""" },
        { "PATCH", "/sets/0", """{"quota":9223372036854775808}""" },
        { "POST", "/sets/0/ioasids", $$"""{"min":1,"max":10,"private":"{{new string('p', 4097)}}"}""" },
        { "PUT", "/ioasids/1/private", $$"""{"data":"{{new string('p', 4097)}}"}""" },
        { "PATCH", "/sets/0", """{"quota":-1}""" },
        { "PATCH", "/sets/0", """{"quota":4294967296}""" },
        { "POST", "/sets", """{"type":"mm","token":"B","quota":4294967296}""" },
        { "POST", "/capacity/install", """{"total":4294967296}""" },
        { "POST", "/capacity/reserve", """{"count":4294967296}""" },
        { "POST", "/capacity/cancel", """{"count":4294967296}""" },
        { "POST", "/sets/-1/ioasids", """{"min":1,"max":10}""" },
        { "POST", "/ioasids/1/refs", """{"holder":"kvm","setId":-1}""" },
        { "POST", "/ioasids/1/refs", """{"holder":"kvm","setId":0,"generation":-1}""" },
        { "POST", "/ioasids/1/refs/release", """{"holder":"kvm","setId":0,"generation":-1}""" },
        { "POST", "/ioasids/1/free", """{"setId":-1}""" },
        { "POST", "/ioasids/1/free", """{"setId":0,"generation":-1}""" },
        { "PUT", "/ioasids/1/private", """{"data":"x","generation":-1}""" },
        { "PUT", "/ioasids/1/spid", """{"spid":101,"generation":-1}""" },
        { "POST", "/notifiers", """{"name":"k","scope":"set","setId":-1,"priority":"cpu"}""" },
        { "DELETE", "/notifiers/-1", "" },
        { "DELETE", "/sets/-1", "" },
        { "POST", "/sets/-1/release", "" },
        { "POST", "/sets/-1/free-all", "" },
        { "POST", "/sets/-1/spids/101/lookup", """{"get":false}""" },
    };

    /// <summary>U+0000 in any text: PostgreSQL cannot store it, so it must never reach a writer.</summary>
    public static TheoryData<string, string, string> NulInText => new()
    {
        { "POST", "/sets", """{"type":"mm","token":"a\u0000b","quota":1}""" },
        { "POST", "/sets/0/ioasids", """{"min":1,"max":10,"private":"x\u0000y"}""" },
        { "POST", "/ioasids/1/refs", """{"holder":"h\u0000"}""" },
        { "POST", "/ioasids/1/refs/release", """{"holder":"\u0000"}""" },
        { "PUT", "/ioasids/1/private", """{"data":"\u0000"}""" },
        { "POST", "/sets/0/spids/101/lookup", """{"get":true,"holder":"v\u0000"}""" },
        { "POST", "/notifiers", """{"name":"n\u0000","scope":"global","priority":"cpu"}""" },
        { "POST", "/notifiers", """{"name":"n","scope":"mm","token":"t\u0000","priority":"cpu"}""" },
        { "POST", "/notifiers", """{"name":"n","scope":"global","priority":"cpu","endpoint":"e\u0000"}""" },
        { "POST", "/notifiers", """{"name":"n","scope":"global","priority":"cpu","reactions":[{"on":"free","action":"put","holder":"h\u0000"}]}""" },
        { "GET", "/sets?token=a%00b", "" },
    };

    [Theory]
    [MemberData(nameof(WrongTypesAndMissingFields))]
    public async Task Wrong_types_and_missing_fields_are_400_and_store_nothing(string method, string path, string body) =>
        await ShouldRefuseAndStoreNothing(method, path, body, 400);

    [Theory]
    [MemberData(nameof(OutOfRangeNumbers))]
    public async Task Negative_and_out_of_range_numbers_are_400_and_store_nothing(string method, string path, string body) =>
        await ShouldRefuseAndStoreNothing(method, path, body, 400);

    [Theory]
    [MemberData(nameof(NulInText))]
    public async Task Text_with_a_nul_character_is_400_and_stores_nothing(string method, string path, string body) =>
        await ShouldRefuseAndStoreNothing(method, path, body, 400);

    [Theory]
    [InlineData("""{"min":1,"max":""")]
    [InlineData("""{"min":1 "max":2}""")]
    [InlineData("""not json""")]
    [InlineData("""{"min":1,"max":2}}""")]
    [InlineData("")]
    public async Task Malformed_json_is_400_and_stores_nothing(string body) =>
        await ShouldRefuseAndStoreNothing("POST", "/sets/0/ioasids", body, 400);

    [Fact]
    public async Task A_body_over_64_KiB_is_413_and_stores_nothing()
    {
        var huge = $$"""{"data":"{{new string('x', 70_000)}}"}""";

        await ShouldRefuseAndStoreNothing("PUT", "/ioasids/1/private", huge, 413);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_and_stores_nothing()
    {
        var pool = await ReadyPoolAsync();
        var before = await pool.FootprintAsync();

        (await pool.RawAsync(HttpMethod.Post, "/sets/0/ioasids", "min=1&max=2", "application/x-www-form-urlencoded")).ShouldBeClientProblem(415);

        (await pool.FootprintAsync()).ShouldBe(before);
    }

    private async Task ShouldRefuseAndStoreNothing(string method, string path, string body, int status)
    {
        var pool = await ReadyPoolAsync();
        var before = await pool.FootprintAsync();

        var response = await pool.RawAsync(new HttpMethod(method), path, body);

        response.ShouldBeClientProblem(status);
        (await pool.FootprintAsync()).ShouldBe(before);
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
    }

    /// <summary>A pool with set 0 (token A) and IOASID 1 in it, so each refusal is about the body alone.</summary>
    private async Task<PoolClient> ReadyPoolAsync()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        return pool;
    }
}
