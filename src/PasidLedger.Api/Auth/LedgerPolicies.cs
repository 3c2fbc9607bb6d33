using Microsoft.AspNetCore.Authorization;
using PasidLedger.Api.Hosting;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Api.Auth;

/// <summary>
/// What a role may do, as far as it is enforced so far (README, "Who may do what"): pools, capacity and
/// quotas are the operator's; an auditor reads and changes nothing. A refusal is 403 <c>Forbidden</c>
/// (-EPERM) before the request is read, so nothing changes.
/// </summary>
public static class LedgerPolicies
{
    /// <summary>Creating a pool, installing, reserving or cancelling capacity, changing a set's quota.</summary>
    public const string OperatorOnly = "operator-only";

    public static void Add(AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.AddPolicy(OperatorOnly, policy => policy.RequireRole(LedgerRoles.Operator));
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

    /// <summary>403 <c>Forbidden</c> (-EPERM) for this request, counted in the log (R7: no line per refusal).</summary>
    public static IResult Refuse(HttpContext http, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.RequestServices.GetService<RepeatedFailureLog>()?.Record("Forbidden",
            $"{http.User.FindFirst(LedgerTokens.PrincipalClaim)?.Value} may not {http.Request.Method} {http.Request.Path}");
        return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Forbidden", Errno.EPERM, detail);
    }
}
