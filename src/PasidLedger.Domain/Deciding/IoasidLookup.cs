using PasidLedger.Domain.Errors;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary><c>find(set, id)</c> (DOMAIN.md 2.3): a query, so no FREE_PENDING check.</summary>
public static class IoasidLookup
{
    /// <summary>The private data of <paramref name="id"/>, or the rejection: ENOENT when unknown, EACCES when a non-null set does not own it.</summary>
    public static (string? Private, Rejection? Rejection) Find(PoolState state, int? setId, uint id)
    {
        ArgumentNullException.ThrowIfNull(state);
        var record = state.Find(id);
        if (record is null)
        {
            return (null, Rejection.Error(RejectionReason.UnknownId, Errno.ENOENT, $"IOASID {id} is not allocated"));
        }

        return setId is { } owner && owner != record.SetId
            ? (null, Rejection.Error(RejectionReason.NotOwner, Errno.EACCES, $"IOASID {id} belongs to set {record.SetId}, not {owner}"))
            : (record.Private, null);
    }
}
