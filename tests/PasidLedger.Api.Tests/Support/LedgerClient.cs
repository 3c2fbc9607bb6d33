using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// HTTP calls in the contract's terms: camelCase JSON bodies, <c>Idempotency-Key</c>, and a bearer token for the
/// caller, as a real client authenticates: the operator unless a call names another principal.
/// </summary>
public sealed class LedgerClient(HttpClient http, LedgerApi api)
{
    /// <summary>The principal of calls that name none.</summary>
    public const string Operator = "operator:test";

    public LedgerApi Api => api;

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? key = null, string? caller = null) =>
        SendRawAsync(method, path, body is null ? null : JsonSerializer.Serialize(body, JsonSerializerOptions.Web), key: key, caller: caller);

    public async Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string? raw, string mediaType = "application/json",
        string? key = null, string? caller = null, bool expectContinue = false, IReadOnlyList<string>? keys = null)
    {
        using var request = new HttpRequestMessage(method, path);
        // With 100-continue the client waits for the server's verdict on the headers before sending
        // the body, so a refusal (413) is read instead of racing a body write into a closed socket.
        request.Headers.ExpectContinue = expectContinue;
        if (raw is not null)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
        }

        foreach (var each in keys ?? (key is null ? [] : [key]))
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", each);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(caller ?? Operator));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>A GET with exactly this <c>Authorization</c> header value, or none: for the authentication tests.</summary>
    public async Task<(ApiResponse Response, string? Challenge)> GetWithAuthorizationAsync(string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text),
            response.Headers.WwwAuthenticate.ToString() is { Length: > 0 } challenge ? challenge : null);
    }

    /// <summary>Sends <paramref name="raw"/> with chunked transfer encoding (no Content-Length).</summary>
    public async Task<ApiResponse> SendChunkedAsync(HttpMethod method, string path, string raw)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(raw))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(Operator));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>Creates a pool with a fresh name (default options) and returns its client.</summary>
    public async Task<PoolClient> NewPoolAsync(string? name = null)
    {
        var pool = new PoolClient(this, name ?? $"p-{Guid.NewGuid():N}");
        var created = await SendAsync(HttpMethod.Put, pool.Path);
        created.Code.ShouldBe(200, created.ToString());
        return pool;
    }
}
