using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using PasidLedger.Api.Hosting;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Api.Auth;

/// <summary>
/// The answer to a request without a valid bearer token: 401 problem+json (<c>Unauthenticated</c>, -EACCES)
/// with <c>WWW-Authenticate: Bearer</c>, which names <c>invalid_token</c> when a token was sent. The detail
/// says whether the token was missing, expired or not acceptable, never why a signature failed.
/// </summary>
internal static class BearerChallenge
{
    public static Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var sent = context.Request.Headers.Authorization.Count > 0;
        context.Response.Headers.WWWAuthenticate = sent ? "Bearer error=\"invalid_token\"" : "Bearer";
        var detail = !sent ? "a bearer token is required: Authorization: Bearer <token> (pasidledger token issue)"
            : context.AuthenticateFailure is SecurityTokenExpiredException ? "the bearer token has expired"
            : "the bearer token is not valid for this service";
        return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Unauthenticated", Errno.EACCES, detail).ExecuteAsync(context.HttpContext);
    }

    /// <summary>An authenticated principal whose role may not do this: 403 <c>Forbidden</c> (-EPERM), audited.</summary>
    public static Task ForbidAsync(ForbiddenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detail = context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == LedgerPolicies.Overseers) == true
            ? "the audit of refusals is read by operators and auditors"
            : "this operation is an operator's (pools, capacity and quotas)";
        return LedgerPolicies.Refuse(context.HttpContext, detail).ExecuteAsync(context.HttpContext);
    }
}
