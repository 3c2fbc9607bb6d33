using System.Net.Http.Headers;
using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>
/// No request earns a 500: every route gets garbage bodies, wrong media types and odd values, on a live
/// pool and on an unknown one, and must answer a 4xx problem or a 2xx. <see cref="ResponseGuard"/> also
/// fails any test of the suite that meets a 5xx, and <see cref="ServerErrorAudit"/> fails the run.
/// </summary>
public sealed class ServerErrorSweepTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private static readonly (string Method, string Path)[] Routes =
    [
        ("PUT", ""), ("GET", ""), ("POST", "/capacity/install"), ("POST", "/capacity/reserve"), ("POST", "/capacity/cancel"),
        ("POST", "/sets"), ("GET", "/sets?token=A"), ("GET", "/sets/0"), ("PATCH", "/sets/0"), ("DELETE", "/sets/1"),
        ("POST", "/sets/1/release"), ("POST", "/sets/1/free-all"), ("POST", "/sets/0/ioasids"), ("GET", "/ioasids/1"),
        ("POST", "/ioasids/1/refs"), ("POST", "/ioasids/1/refs/release"), ("POST", "/ioasids/2/free"),
        ("PUT", "/ioasids/1/private"), ("DELETE", "/ioasids/1/private"), ("GET", "/ioasids/1/private?setId=0"),
        ("PUT", "/ioasids/1/spid"), ("DELETE", "/ioasids/1/spid"), ("POST", "/sets/0/spids/101/lookup"),
        ("POST", "/notifiers"), ("DELETE", "/notifiers/1?via=mm"), ("GET", "/notifiers"),
        ("GET", "/notifications?afterVersion=0&limit=5"), ("GET", "/events?afterVersion=0&limit=5"), ("GET", "/rejections?limit=5"),
    ];

    private static readonly string?[] Bodies =
    [
        null, "", "null", "[]", "{}", "\"text\"", "-1", "{\"a\":", new string('[', 200) + new string(']', 200),
        """{"min":-1,"max":null,"holder":7,"setId":"x","spid":1e40,"quota":[],"type":{},"count":true,"total":"max","data":null,"get":"yes"}""",
        """{"min":1,"max":4294967295,"holder":" ","setId":-1,"generation":-1,"spid":0,"quota":9223372036854775807,"type":"null","count":9223372036854775807,"total":2147483649,"data":" ","get":true,"name":"n","scope":"set","priority":"last","reactions":[null]}""",
    ];

    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Every_route_answers_garbage_with_a_client_error_or_success_never_a_server_error()
    {
        var live = await client.NewPoolAsync();
        await live.CreateSetAsync("mm", "A");
        await live.CreateSetAsync("null");
        await live.AllocateAsync(0);
        await live.AllocateAsync(0);
        var unknown = $"/v1/pools/ghost-{Guid.NewGuid():N}";
        var answers = 0;

        foreach (var prefix in new[] { live.Path, unknown, "/v1/pools/%2e%2e", "/v1/pools/bad%20name" })
        {
            foreach (var (method, path) in Routes)
            {
                foreach (var body in Bodies)
                {
                    var response = await client.SendRawAsync(new HttpMethod(method), prefix + path, body);
                    ShouldBeAnAnswer(response);
                    answers++;
                }
            }
        }

        answers.ShouldBe(4 * Routes.Length * Bodies.Length);
        ResponseGuard.ServerErrors.ShouldBeEmpty("no response of the suite so far may be a 5xx");
    }

    [Fact]
    public async Task Odd_media_types_bytes_methods_and_routes_are_client_errors()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");

        ShouldBeAnAnswer(await pool.RawAsync(HttpMethod.Post, "/sets", """{"type":"null","quota":1}""", "text/plain"));
        ShouldBeAnAnswer(await pool.RawAsync(HttpMethod.Post, "/sets", "<set/>", "application/xml"));
        ShouldBeAnAnswer(await SendBytesAsync(pool.Path + "/sets", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]));
        ShouldBeAnAnswer(await client.SendAsync(HttpMethod.Post, pool.Path + "/events"));
        ShouldBeAnAnswer(await client.SendAsync(HttpMethod.Get, pool.Path + "/no/such/route"));
        ShouldBeAnAnswer(await client.SendAsync(HttpMethod.Get, "/"));
        ShouldBeAnAnswer(await client.SendAsync(HttpMethod.Get, pool.Path + "/events?afterVersion=99999999999999999999"));
        (await pool.GetAsync("/no/such/route")).ShouldBeProblem(404, "UnknownRoute", "ENOENT");
        (await client.SendAsync(HttpMethod.Post, pool.Path + "/events")).ShouldBeClientProblem(405);
    }

    private static void ShouldBeAnAnswer(ApiResponse response)
    {
        response.Code.ShouldBeLessThan(500, response.ToString());
        if (response.Code >= 400)
        {
            response.ShouldBeClientProblem(response.Code);
        }
        else
        {
            response.MediaType.ShouldBe("application/json", response.ToString());
        }
    }

    private async Task<ApiResponse> SendBytesAsync(string path, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var http = api.CreateDefaultClient(new ResponseGuard());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(LedgerClient.Operator));
        using var response = await http.PostAsync(path, content, TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
