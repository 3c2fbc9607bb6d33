using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;

namespace PasidLedger.Benchmarks;

/// <summary>
/// The lifecycle both load generators run in a client's own set: allocate, then attach a SPID,
/// get, put, detach the SPID and free, and allocate again.
/// </summary>
internal static class Lifecycle
{
    public static AllocateIoasid Allocate(int setId) => new(setId, 1, 1u << 19, null);

    /// <summary>The command at <paramref name="step"/> (0–4) after <paramref name="held"/> was allocated; a free ends the round.</summary>
    public static PoolCommand After(IoasidGranted held, int step, int setId, string holder, ref uint spid) => step switch
    {
        0 => new AttachSpid(held.Id, ++spid, held.Generation),
        1 => new AcquireRef(held.Id, holder, setId, held.Generation),
        2 => new ReleaseRef(held.Id, holder, setId, held.Generation),
        3 => new DetachSpid(held.Id, held.Generation),
        _ => new FreeIoasid(held.Id, setId, held.Generation),
    };
}
