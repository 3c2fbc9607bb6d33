using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>What DOMAIN.md section 2 says a command must do on a given state: succeed, fail with an errno, or be ignored.</summary>
public readonly record struct SpecOutcome(bool Accepted, Errno Errno, bool Ignored)
{
    public static SpecOutcome Ok { get; } = new(true, Errno.None, false);

    /// <summary>An error the caller sees.</summary>
    public static SpecOutcome Error(Errno errno) => new(false, errno, false);

    /// <summary>A path the kernel ignores (void or false); the errno it is filed under is the domain's choice.</summary>
    public static SpecOutcome Ignore { get; } = new(false, Errno.None, true);

    public bool Matches(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Rejection switch
        {
            null => Accepted,
            { Ignored: true } => Ignored,
            { } rejection => !Accepted && !Ignored && rejection.Errno == Errno,
        };
    }

    public override string ToString() => Accepted ? "accepted" : Ignored ? "ignored" : $"-{Errno}";
}
