using PasidLedger.Api.Hosting;

namespace PasidLedger.Api.Endpoints;

/// <summary>All routes under <c>/v1/pools/{pool}</c>.</summary>
public static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var pool = app.MapGroup("/v1/pools/{pool}").AddEndpointFilter(async (context, next) =>
        {
            var name = context.HttpContext.GetRouteValue("pool") as string ?? string.Empty;
            return Validate.IsPoolName(name)
                ? await next(context).ConfigureAwait(false)
                : ApiProblems.Invalid("pool names are 1–64 characters of letters, digits, '.', '_' or '-'");
        });
        PoolEndpoints.Map(pool);
        SetEndpoints.Map(pool);
        IoasidEndpoints.Map(pool);
        SpidEndpoints.Map(pool);
        NotifierEndpoints.Map(pool);
        HistoryEndpoints.Map(pool);
    }
}
