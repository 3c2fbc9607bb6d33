using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using PasidLedger.Api.Auth;
using PasidLedger.Api.OpenApi;
using PasidLedger.Postgres.Audit;

namespace PasidLedger.Api.Endpoints;

/// <summary><c>GET /v1/refusals</c>: the audited 403s (<see cref="RefusalAudit"/>), for operators and auditors.</summary>
internal static class RefusalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/refusals").WithTags("Audit").ProducesLedgerProblems()
            .MapGet("", async ([Description("Only this principal's refusals.")] string? principal,
                    [Range(1, Validate.MaxLimit), Description("At most this many; 100 when absent.")] int? limit, AccessRefusals refusals, CancellationToken ct) =>
                Validate.Limit(limit) ?? Results.Ok(await refusals.ListAsync(principal, limit ?? 100, ct).ConfigureAwait(false)))
            .RequireAuthorization(LedgerPolicies.Overseers)
            .WithName("ListRefusals")
            .WithSummary("Refused authorizations (403 Forbidden), one row per hour, principal, method and route with their count, newest first")
            .Produces<List<AccessRefusal>>();
    }
}
