using System.Security.Claims;
using PasidLedger.Domain.Access;

namespace PasidLedger.Api.Auth;

/// <summary>The <see cref="Principal"/> an authenticated request's token describes.</summary>
public static class LedgerPrincipals
{
    /// <summary>The principal of <paramref name="user"/>; null when the request carries no authenticated token.</summary>
    public static Principal? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirst(LedgerTokens.PrincipalClaim)?.Value;
        var role = user.FindFirst(LedgerTokens.RoleClaim)?.Value switch
        {
            LedgerRoles.Operator => Role.Operator,
            LedgerRoles.Auditor => Role.Auditor,
            LedgerRoles.Vm => Role.Vm,
            LedgerRoles.Component => Role.Component,
            _ => (Role?)null,
        };
        return name is null || role is null ? null : new Principal(name, role.Value, user.FindFirst(LedgerTokens.ActsForClaim)?.Value);
    }
}
