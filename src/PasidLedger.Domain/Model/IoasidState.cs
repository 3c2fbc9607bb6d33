namespace PasidLedger.Domain.Model;

/// <summary>Derived IOASID state (DOMAIN.md 3.1): FREE is the absence of a record.</summary>
public enum IoasidState
{
    Idle,
    Active,
    FreePending,
}
