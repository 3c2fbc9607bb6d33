using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PasidLedger.Api.Auth;

/// <summary>Issues and describes the ledger's bearer tokens: HS256 JWTs with the principal as <c>sub</c> and one <c>role</c>.</summary>
public static class LedgerTokens
{
    public const string PrincipalClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>The longest lifetime <c>token issue</c> grants.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>A token for <paramref name="principal"/> in <paramref name="role"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public static string Issue(TokenSettings settings, string principal, string role, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        if (!LedgerRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}': one of {string.Join(", ", LedgerRoles.All)}.", nameof(role));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"A token lives more than 0 and at most {MaxLifetime.TotalDays:N0} days.");
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity([new Claim(PrincipalClaim, principal), new Claim(RoleClaim, role)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>What a request's token is checked against: signature by one of the keys (HS256 only), issuer, audience, lifetime.</summary>
    public static TokenValidationParameters Validation(TokenSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKeys = settings.Keys,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = PrincipalClaim,
            RoleClaimType = RoleClaim,
        };
    }
}
