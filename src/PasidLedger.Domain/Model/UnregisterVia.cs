namespace PasidLedger.Domain.Model;

/// <summary>Which kernel call an unregistration models (DOMAIN.md 2.5, R6).</summary>
public enum UnregisterVia
{
    /// <summary><c>unregister_notifier(set | NULL, nb)</c>: refused for registrations made by mm.</summary>
    Set,

    /// <summary><c>unregister_notifier_mm(mm, nb)</c>.</summary>
    Mm,

    /// <summary>
    /// The call that matches the registration: <see cref="Mm"/> for one made by mm, <see cref="Set"/>
    /// otherwise. Chosen when the pool decides, so a retried request is the same command.
    /// </summary>
    Matching,
}
