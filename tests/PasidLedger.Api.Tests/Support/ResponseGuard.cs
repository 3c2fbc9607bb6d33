using System.Collections.Concurrent;
using System.Net;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// Sees every response of the suite: it records them for <see cref="ServerErrors"/> and fails the
/// request at once when the service answered 5xx (the contract allows none).
/// </summary>
public sealed class ResponseGuard : DelegatingHandler
{
    private static readonly ConcurrentQueue<string> Seen = new();
    private static readonly ConcurrentQueue<string> Failures = new();

    public static int ResponseCount => Seen.Count;

    /// <summary>Every 5xx answered so far in this run, as "METHOD path → status body".</summary>
    public static IReadOnlyCollection<string> ServerErrors => Failures;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var line = $"{request.Method} {request.RequestUri?.PathAndQuery} → {(int)response.StatusCode}";
        Seen.Enqueue(line);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Failures.Enqueue($"{line} {body}");
            throw new InvalidOperationException($"The service answered a server error: {line}\n{body}\nServer log:\n{ServerLog.Recent()}");
        }

        return response;
    }
}
