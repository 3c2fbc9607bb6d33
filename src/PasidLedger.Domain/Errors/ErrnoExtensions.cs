namespace PasidLedger.Domain.Errors;

/// <summary>Presentation helpers for <see cref="Errno"/>.</summary>
public static class ErrnoExtensions
{
    /// <summary>The kernel's negative return value, e.g. -16 for EBUSY.</summary>
    public static int Negated(this Errno errno) => -(int)errno;
}
