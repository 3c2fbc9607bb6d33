using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary><c>ioasid_data</c> of one allocated IOASID (DOMAIN.md 1.4) with the Model's generation and holders.</summary>
public sealed record IoasidRecord(
    uint Id,
    int Generation,
    int SetId,
    Holders Holders,
    bool FreeRequested,
    uint Spid,
    string? Private)
{
    /// <summary>The reference count; always ≥ 1 while the record exists (I1).</summary>
    public int Refs => Holders.Total;

    /// <summary>Whether an SPID is attached.</summary>
    public bool HasSpid => Spid != Ioasid.Invalid;

    /// <summary>The derived state of DOMAIN.md 3.1.</summary>
    public IoasidState State =>
        FreeRequested ? IoasidState.FreePending : Refs >= 2 ? IoasidState.Active : IoasidState.Idle;
}
