namespace PasidLedger.Domain.Model;

/// <summary>Where a notifier registration lives (DOMAIN.md 2.5).</summary>
public enum NotifierScope
{
    /// <summary>The system-wide chain (<c>register_notifier(NULL, nb)</c>).</summary>
    Global,

    /// <summary>One set's chain (<c>register_notifier(set, nb)</c>).</summary>
    Set,

    /// <summary>By mm token through the pending list (<c>register_notifier_mm</c>).</summary>
    Mm,
}
