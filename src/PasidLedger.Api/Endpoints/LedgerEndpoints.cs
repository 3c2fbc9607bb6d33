using PasidLedger.Api.Auth;
using PasidLedger.Api.OpenApi;

namespace PasidLedger.Api.Endpoints;

/// <summary>All routes under <c>/v1/pools/{pool}</c>.</summary>
public static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var pool = app.MapGroup("/v1/pools/{pool}").AddEndpointFilter(async (context, next) =>
            LedgerPolicies.RefuseAuditorChange(context.HttpContext) ?? RequestShape.Check(context) ?? await next(context).ConfigureAwait(false))
            .ProducesLedgerProblems();
        PoolEndpoints.Map(pool);
        SetEndpoints.Map(pool);
        IoasidEndpoints.Map(pool);
        SpidEndpoints.Map(pool);
        NotifierEndpoints.Map(pool);
        HistoryEndpoints.Map(pool);
    }
}
