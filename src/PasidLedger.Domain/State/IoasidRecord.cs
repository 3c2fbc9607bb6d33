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

    /// <summary>After <c>ioasid.allocated.v1</c>: IDLE, with the allocation reference only, no SPID.</summary>
    public static IoasidRecord Allocated(uint id, int generation, int setId, string? data) =>
        new(id, generation, setId, Holders.Allocation, false, Ioasid.Invalid, data);

    // The transitions of one record, each shared by Decide (the record a command's later events see)
    // and Evolve (the fold), so the holder arithmetic exists once.

    /// <summary>After <c>ioasid.ref-acquired.v1</c>: one more reference of <paramref name="holder"/>.</summary>
    public IoasidRecord Acquired(string holder) => this with { Holders = Holders.Add(holder) };

    /// <summary>After <c>ioasid.ref-released.v1</c>: one reference of <paramref name="holder"/> fewer.</summary>
    public IoasidRecord Released(string holder) => this with { Holders = Holders.Remove(holder) };

    /// <summary>
    /// After <c>ioasid.free-requested.v1</c>: FREE_PENDING, without the allocation reference; if the owner
    /// already put it (SVA style), there is none left to drop (DOMAIN.md T7/T8).
    /// </summary>
    public IoasidRecord Parked() => this with
    {
        FreeRequested = true,
        Holders = Holders.CountOf(Ioasid.CoreHolder) > 0 ? Holders.Remove(Ioasid.CoreHolder) : Holders,
    };

    /// <summary>After <c>ioasid.spid-attached.v1</c>.</summary>
    public IoasidRecord Bound(uint spid) => this with { Spid = spid };

    /// <summary>After <c>ioasid.spid-detached.v1</c>.</summary>
    public IoasidRecord Unbound() => this with { Spid = Ioasid.Invalid };

    /// <summary>After <c>ioasid.private-attached.v1</c> (data) or <c>ioasid.private-detached.v1</c> (null).</summary>
    public IoasidRecord WithPrivate(string? data) => this with { Private = data };
}
