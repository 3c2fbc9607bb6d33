namespace PasidLedger.Domain.Model;

/// <summary>Set life cycle of the Model (DOMAIN.md 3.5): LIVE → CLOSING → DESTROYED.</summary>
public enum SetLifecycle
{
    Live,
    Closing,
    Destroyed,
}
