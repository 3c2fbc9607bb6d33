using Microsoft.IdentityModel.JsonWebTokens;
using PasidLedger.Bus.Commands;
using PasidLedger.Domain.Access;

namespace PasidLedger.Api.Auth;

/// <summary>Checks a bus command's bearer token exactly as HTTP's JwtBearer does (<see cref="LedgerTokens.Validation"/>), into its <see cref="Principal"/>.</summary>
public sealed class BearerTokens(TokenSettings settings) : IBearerTokens
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<Principal?> AuthenticateAsync(string token)
    {
        var checkedToken = await handler.ValidateTokenAsync(token, LedgerTokens.Validation(settings)).ConfigureAwait(false);
        return checkedToken.IsValid ? LedgerPrincipals.Of(new System.Security.Claims.ClaimsPrincipal(checkedToken.ClaimsIdentity)) : null;
    }
}
