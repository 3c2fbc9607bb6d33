using PasidLedger.Api.Auth;
using PasidLedger.Api.OpenApi;

namespace PasidLedger.Api.Endpoints;

/// <summary>All routes under <c>/v1/pools/{pool}</c>, and the audit of refusals.</summary>
public static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var pool = app.MapGroup("/v1/pools/{pool}").AddEndpointFilter(async (context, next) =>
            LedgerPolicies.RefuseAuditorChange(context.HttpContext) ?? RequestShape.Check(context)
            ?? await ReadAccess.CheckAsync(context.HttpContext).ConfigureAwait(false) ?? await next(context).ConfigureAwait(false))
            .ProducesLedgerProblems();
        PoolEndpoints.Map(pool);
        SetEndpoints.Map(pool);
        IoasidEndpoints.Map(pool);
        SpidEndpoints.Map(pool);
        NotifierEndpoints.Map(pool);
        HistoryEndpoints.Map(pool);
        RefusalEndpoints.Map(app);
    }
}
