using System.Net;
using System.Text.Json;

namespace PasidLedger.Api.Tests.Support;

/// <summary>One answer of the service: status, media type and body, with the body parsed on demand.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, string Body)
{
    public JsonElement Json => Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public int Code => (int)Status;

    public override string ToString() => $"{Code} {MediaType}: {Body}";
}
