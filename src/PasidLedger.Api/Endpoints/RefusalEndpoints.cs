using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Postgres.Audit;

namespace PasidLedger.Api.Endpoints;

/// <summary><c>GET /v1/refusals</c>: the audited 403s (<see cref="RefusalAudit"/>), for operators and auditors.</summary>
internal static class RefusalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/refusals", async (string? principal, int? limit, AccessRefusals refusals, CancellationToken ct) =>
                Validate.Limit(limit) ?? Results.Ok(await refusals.ListAsync(principal, limit ?? 100, ct).ConfigureAwait(false)))
            .RequireAuthorization(LedgerPolicies.Overseers);
    }
}
