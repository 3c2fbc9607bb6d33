using Microsoft.AspNetCore.Authorization;
using PasidLedger.Api.Hosting;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Api.Auth;

/// <summary>
/// What a role may do whatever the data (README, "Who may do what"): pools, capacity and quotas are the
/// operator's; an auditor reads and changes nothing. These refusals come before the request is read; what
/// depends on whose set, ID or name a request touches is decided by the pool writer (<c>CommandAccess</c>)
/// and by <c>ReadAccess</c>. A refusal is 403 <c>Forbidden</c> (-EPERM), changes nothing, and is audited.
/// </summary>
public static class LedgerPolicies
{
    /// <summary>Creating a pool, installing, reserving or cancelling capacity, changing a set's quota.</summary>
    public const string OperatorOnly = "operator-only";

    /// <summary>Reading the audit of refused requests: operators and auditors.</summary>
    public const string Overseers = "overseers";

    public static void Add(AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.AddPolicy(OperatorOnly, policy => policy.RequireRole(LedgerRoles.Operator));
        authorization.AddPolicy(Overseers, policy => policy.RequireRole(LedgerRoles.Operator, LedgerRoles.Auditor));
    }

    /// <summary>An auditor's request that would change something: refused, whatever the endpoint.</summary>
    public static IResult? RefuseAuditorChange(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || !http.User.IsInRole(LedgerRoles.Auditor))
        {
            return null;
        }

        return Refuse(http, "an auditor reads everything and changes nothing");
    }

    /// <summary>403 <c>Forbidden</c> (-EPERM) for this request, audited in the store without a row per refusal (<see cref="RefusalAudit"/>).</summary>
    public static IResult Refuse(HttpContext http, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.RequestServices.GetRequiredService<RefusalAudit>().Record(http, detail);
        return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Forbidden", Errno.EPERM, detail);
    }
}
