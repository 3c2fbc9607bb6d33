namespace PasidLedger.Consumers.Safety;

/// <summary>Thrown by <see cref="SafetyChecker.ThrowIfAny"/>: every violation found, one per line of the message.</summary>
public sealed class SafetyViolationException : Exception
{
    public SafetyViolationException()
    {
        Violations = [];
    }

    public SafetyViolationException(string message) : base(message)
    {
        Violations = [];
    }

    public SafetyViolationException(string message, Exception innerException) : base(message, innerException)
    {
        Violations = [];
    }

    public SafetyViolationException(IReadOnlyList<SafetyViolation> violations)
        : base($"{violations?.Count} safety violation(s): a consumer kept or used an IOASID the ledger reclaimed{Environment.NewLine}"
            + string.Join(Environment.NewLine, violations ?? []))
    {
        Violations = violations ?? [];
    }

    public IReadOnlyList<SafetyViolation> Violations { get; }
}
