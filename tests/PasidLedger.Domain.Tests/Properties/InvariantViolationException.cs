namespace PasidLedger.Domain.Tests.Properties;

/// <summary>An invariant of DOMAIN.md (P1–P4, I1–I6) or a Decide/Evolve consistency check failed.</summary>
public sealed class InvariantViolationException : Exception
{
    public InvariantViolationException()
    {
        Check = "unknown";
    }

    public InvariantViolationException(string message)
        : base(message)
    {
        Check = "unknown";
    }

    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Check = "unknown";
    }

    public InvariantViolationException(string check, string detail)
        : base($"[{check}] {detail}")
    {
        Check = check;
    }

    /// <summary>The name of the failed check, e.g. "P2" or "I3"; shrinking keeps failures with the same name.</summary>
    public string Check { get; }
}
