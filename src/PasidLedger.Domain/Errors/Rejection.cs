namespace PasidLedger.Domain.Errors;

/// <summary>
/// Why a command changed nothing. <paramref name="Ignored"/> marks the paths where the kernel
/// returns void or false and logs (DOMAIN.md 0.3 "ignored"): the caller sees success or false,
/// the ledger still records the reason.
/// </summary>
public sealed record Rejection(RejectionReason Reason, Errno Errno, bool Ignored, string Detail)
{
    /// <summary>An error the caller must see.</summary>
    public static Rejection Error(RejectionReason reason, Errno errno, string detail) =>
        new(reason, errno, Ignored: false, detail);

    /// <summary>A path the kernel silently ignores; the errno is the one the record is filed under.</summary>
    public static Rejection Ignore(RejectionReason reason, Errno errno, string detail) =>
        new(reason, errno, Ignored: true, detail);
}
