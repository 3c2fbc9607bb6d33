using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PasidLedger.Api.Hosting;

/// <summary>The body of <c>GET /health</c>: the status alone (no details), and <c>Retry-After</c> on a 503, as every 503 carries it.</summary>
internal static class HealthAnswer
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status != HealthStatus.Healthy)
        {
            http.Response.Headers.RetryAfter = $"{ApiProblems.RetryAfterSeconds}";
        }

        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(report.Status.ToString(), http.RequestAborted);
    }
}
