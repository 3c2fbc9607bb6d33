namespace PasidLedger.Domain.Model;

/// <summary>Scope flags of a notification (DOMAIN.md 4.3).</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Named after the kernel's IOASID_NOTIFY_FLAG_* bits.")]
public enum NotifyFlags
{
    None = 0,

    /// <summary><c>IOASID_NOTIFY_FLAG_ALL</c>: the global chain.</summary>
    All = 1,

    /// <summary><c>IOASID_NOTIFY_FLAG_SET</c>: the chain of the IOASID's own set.</summary>
    Set = 2,
}
