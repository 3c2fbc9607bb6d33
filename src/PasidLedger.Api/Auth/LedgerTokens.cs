using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PasidLedger.Api.Auth;

/// <summary>
/// Issues and describes the ledger's bearer tokens: HS256 JWTs with the principal as <c>sub</c>, one
/// <c>role</c>, and for a component bound to one VM that VM's mm as <c>mm</c>.
/// </summary>
public static class LedgerTokens
{
    public const string PrincipalClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>The VM a component acts for (its process context: VFIO, KVM or VDCM of that VM).</summary>
    public const string ActsForClaim = "mm";

    /// <summary>The longest lifetime <c>token issue</c> grants.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>A token for <paramref name="principal"/> in <paramref name="role"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    /// <param name="actsFor">For a component, the mm (<c>mm:&lt;vm&gt;</c>) of the VM it acts for, which confines it to that VM's set.</param>
    public static string Issue(TokenSettings settings, string principal, string role, TimeSpan lifetime, DateTimeOffset now, string? actsFor = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        if (!LedgerRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}': one of {string.Join(", ", LedgerRoles.All)}.", nameof(role));
        }

        if (PrincipalProblem(principal, role, actsFor) is { } problem)
        {
            throw new ArgumentException(problem, nameof(principal));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"A token lives more than 0 and at most {MaxLifetime.TotalDays:N0} days.");
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(actsFor is null
                ? [new Claim(PrincipalClaim, principal), new Claim(RoleClaim, role)]
                : [new Claim(PrincipalClaim, principal), new Claim(RoleClaim, role), new Claim(ActsForClaim, actsFor)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// Why a principal cannot have this role, or null: a <c>vm</c> is named <c>mm:&lt;vm&gt;</c>; only a
    /// component acts for a VM, named <c>mm:&lt;vm&gt;</c>, and no other role is named like a VM.
    /// </summary>
    public static string? PrincipalProblem(string principal, string role, string? actsFor)
    {
        ArgumentNullException.ThrowIfNull(principal);
        const string Mm = "mm:";
        return role == LedgerRoles.Vm != principal.StartsWith(Mm, StringComparison.Ordinal)
                ? $"a vm principal, and only a vm principal, is named {Mm}<vm> (got {principal} as {role})"
            : actsFor is null ? null
            : role != LedgerRoles.Component ? $"only a component acts for a VM (got --mm for a {role})"
            : actsFor.StartsWith(Mm, StringComparison.Ordinal) && actsFor.Length > Mm.Length ? null
            : $"a component acts for a VM named {Mm}<vm> (got {actsFor})";
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
