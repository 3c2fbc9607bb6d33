namespace PasidLedger.Domain.Model;

/// <summary><c>ioasid_notify_val</c> (DOMAIN.md 4.1).</summary>
public enum NotificationKind
{
    Alloc = 1,
    Free = 2,
    Bind = 3,
    Unbind = 4,
}
