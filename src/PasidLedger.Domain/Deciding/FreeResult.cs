namespace PasidLedger.Domain.Deciding;

/// <summary>What <c>free</c> did (the kernel's TODO status, DOMAIN.md 2.3).</summary>
public enum FreeResult
{
    /// <summary>References remain: parked until the holders put.</summary>
    FreePending,

    /// <summary>Nobody else held a reference: reclaimed at once, silently.</summary>
    Reclaimed,

    /// <summary>An ignored path (unknown ID, not the owner, already FREE_PENDING).</summary>
    Ignored,
}
