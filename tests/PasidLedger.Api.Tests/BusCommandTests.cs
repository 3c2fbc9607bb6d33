using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Tests.Support;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Api.Tests;

/// <summary>
/// The bus command endpoint over a real RabbitMQ, driven by a client in plain RabbitMQ.Client (the wire format, no
/// library envelope): the same commands, tokens and authorization as HTTP, answered with <c>command.result.v1</c>.
/// </summary>
public sealed partial class BusCommandTests(BusLedgerApi api) : IClassFixture<BusLedgerApi>, IAsyncLifetime
{
    /// <summary>The reply parts an allocation's result leaves null.</summary>
    private static readonly string[] OtherParts = ["capacity", "reservation", "set", "release", "freeAll", "lookup", "notifier", "work"];

    private readonly LedgerClient http = api.NewClient();
    private BusClient bus = null!;

    public async ValueTask InitializeAsync() => bus = await BusClient.ConnectAsync(api.Broker.Url);

    public async ValueTask DisposeAsync() => await bus.DisposeAsync();

    [Fact]
    public async Task CreatePool_CreateSet_Allocate_AnswerOkResults_WithTheirReplyParts()
    {
        var pool = $"p-{Guid.NewGuid():N}";
        var created = await SendAsync(CreatePoolCommand.MessageType, new { pool }, LedgerClient.Operator);
        created.Type.ShouldBe(CommandResult.MessageType);
        created.ContentType.ShouldBe(ContentTypes.Json);
        ShouldBeOk(created.Body, pool, CreatePoolCommand.MessageType);
        created.Body.GetProperty("capacity").Str("pool").ShouldBe(pool);

        var set = (await SendAsync(CreateSetCommand.MessageType, new { pool, type = "mm", token = "mm:A", quota = 0 }, "mm:A")).Body;
        ShouldBeOk(set, pool, CreateSetCommand.MessageType);
        var setId = (int)set.GetProperty("set").Number("setId");

        var messageId = Guid.NewGuid().ToString("D");
        var allocated = await SendAsync(AllocateIoasidCommand.MessageType, new { pool, setId, min = 1, max = 100 }, "mm:A", messageId);
        allocated.CorrelationId.ShouldBe(messageId);
        allocated.Body.Str("commandId").ShouldBe(messageId);
        ShouldBeOk(allocated.Body, pool, AllocateIoasidCommand.MessageType);
        var ioasid = allocated.Body.GetProperty("ioasid");
        ioasid.Number("setId").ShouldBe(setId);
        ioasid.Number("refs").ShouldBe(1);
        OtherParts.ShouldAllBe(part => allocated.Body.IsNull(part));
        (await http.SendAsync(HttpMethod.Get, $"/v1/pools/{pool}/ioasids/{ioasid.Number("id")}")).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task TheSameMessageIdAgain_AnswersTheFirstResult_Replayed_AndAppendsNothing()
    {
        var (pool, setId) = await PoolWithSetOfAAsync();
        var messageId = $"alloc-{Guid.NewGuid():N}";
        var first = (await SendAsync(AllocateIoasidCommand.MessageType, new { pool = pool.Name, setId, min = 1, max = 100 }, "mm:A", messageId)).Body;
        var footprint = await pool.FootprintAsync();

        var again = (await SendAsync(AllocateIoasidCommand.MessageType, new { pool = pool.Name, setId, min = 1, max = 100 }, "mm:A", messageId)).Body;

        first.GetProperty("replayed").GetBoolean().ShouldBeFalse();
        again.GetProperty("replayed").GetBoolean().ShouldBeTrue();
        again.Number("version").ShouldBe(first.Number("version"));
        again.GetProperty("ioasid").GetRawText().ShouldBe(first.GetProperty("ioasid").GetRawText());
        (await pool.FootprintAsync()).ShouldBe(footprint);
    }

    [Fact]
    public async Task NoToken_OrAForgedOne_IsUnauthenticated_AndAppendsNothing()
    {
        var (pool, setId) = await PoolWithSetOfAAsync();
        var footprint = await pool.FootprintAsync();
        var forged = LedgerTokens.Issue(LedgerApi.TokenSettingsFor(TokenSettings.NewKey()), "mm:A", LedgerRoles.Vm, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var allocate = new { pool = pool.Name, setId, min = 1, max = 100 };

        foreach (var token in new string?[] { null, forged, "not-a-token" })
        {
            ShouldBeFailed((await bus.SendAsync(AllocateIoasidCommand.MessageType, allocate, token)).Body, "Unauthenticated", -13);
        }

        (await pool.FootprintAsync()).ShouldBe(footprint);
    }

    [Fact]
    public async Task AVmAllocatingInAnotherVmsSet_IsForbidden_Audited_AndAppendsNothing()
    {
        var (pool, setId) = await PoolWithSetOfAAsync();
        var eve = $"mm:{Guid.NewGuid():N}";
        var footprint = await pool.FootprintAsync();

        var refused = (await SendAsync(AllocateIoasidCommand.MessageType, new { pool = pool.Name, setId, min = 1, max = 100 }, eve)).Body;

        ShouldBeFailed(refused, "Forbidden", -1);
        (await pool.FootprintAsync()).ShouldBe(footprint);
        await api.Services.GetRequiredService<RefusalAudit>().FlushAsync(TestContext.Current.CancellationToken);
        var audited = (await http.SendAsync(HttpMethod.Get, $"/v1/refusals?principal={Uri.EscapeDataString(eve)}", caller: "auditor:ann")).Json
            .EnumerateArray().ToList();
        audited.Count.ShouldBe(1);
        audited[0].Str("method").ShouldBe("BUS");
        audited[0].Str("route").ShouldBe(AllocateIoasidCommand.MessageType);
        audited[0].Str("lastPool").ShouldBe(pool.Name);
        audited[0].Str("role").ShouldBe(LedgerRoles.Vm);
    }

    [Fact]
    public async Task AMalformedBody_AWrongField_OrABadMessageId_IsInvalidArgument_AndAppendsNothing()
    {
        var (pool, setId) = await PoolWithSetOfAAsync();
        var footprint = await pool.FootprintAsync();

        ShouldBeFailed((await SendAsync(AllocateIoasidCommand.MessageType, "{not json", "mm:A")).Body, "InvalidArgument", -22);
        ShouldBeFailed((await SendAsync(AllocateIoasidCommand.MessageType, $$"""{"pool":"{{pool.Name}}","setId":{{setId}},"min":"1","max":9}""", "mm:A")).Body,
            "InvalidArgument", -22);
        ShouldBeFailed((await SendAsync(AllocateIoasidCommand.MessageType, new { pool = pool.Name, setId, max = 9 }, "mm:A")).Body, "InvalidArgument", -22);
        ShouldBeFailed((await SendAsync(AcquireRefCommand.MessageType, new { pool = pool.Name, id = 1, holder = "", setId }, "mm:A")).Body, "InvalidArgument", -22);
        ShouldBeFailed((await SendAsync(AllocateIoasidCommand.MessageType, new { pool = pool.Name, setId, min = 1, max = 9 }, "mm:A", "has space")).Body,
            "InvalidArgument", -22);
        (await pool.FootprintAsync()).ShouldBe(footprint);
    }

    [Fact]
    public async Task AnUnknownPool_IsUnknownPool()
    {
        ShouldBeFailed((await SendAsync(AllocateIoasidCommand.MessageType, new { pool = $"p-{Guid.NewGuid():N}", setId = 0, min = 1, max = 9 }, "mm:A")).Body,
            "UnknownPool", -2);
    }

    private Task<BusClient.Reply> SendAsync(string type, object body, string caller, string? messageId = null) =>
        bus.SendAsync(type, body, api.TokenFor(caller), messageId);

    /// <summary>A pool (over HTTP) with VM A's MM set (over the bus).</summary>
    private async Task<(PoolClient Pool, int SetId)> PoolWithSetOfAAsync()
    {
        var pool = await http.NewPoolAsync();
        var set = (await SendAsync(CreateSetCommand.MessageType, new { pool = pool.Name, type = "mm", token = "mm:A", quota = 0 }, "mm:A")).Body;
        ShouldBeOk(set, pool.Name, CreateSetCommand.MessageType);
        return (pool, (int)set.GetProperty("set").Number("setId"));
    }

    private static void ShouldBeOk(JsonElement result, string pool, string type)
    {
        result.Str("status").ShouldBe("ok", result.GetRawText());
        result.Str("pool").ShouldBe(pool);
        result.Str("commandType").ShouldBe(type);
        result.Number("errno").ShouldBe(0);
        result.IsNull("reason").ShouldBeTrue();
    }

    private static void ShouldBeFailed(JsonElement result, string reason, int errno)
    {
        result.Str("status").ShouldBe("failed", result.GetRawText());
        result.Str("reason").ShouldBe(reason, result.GetRawText());
        result.Number("errno").ShouldBe(errno);
        result.Str("detail").ShouldNotBeNullOrEmpty();
    }
}
