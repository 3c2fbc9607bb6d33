using PasidLedger.Domain.Errors;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary><c>find(set, id)</c> (DOMAIN.md 2.3): a query, so no FREE_PENDING check.</summary>
public static class IoasidLookup
{
    /// <summary>
    /// The private data of <paramref name="id"/>, or the rejection: ENOENT when unknown, then
    /// <see cref="CheckOwner"/>'s for a named set.
    /// </summary>
    public static (string? Private, Rejection? Rejection) Find(PoolState state, int? setId, uint id)
    {
        ArgumentNullException.ThrowIfNull(state);
        var record = state.Find(id);
        if (record is null)
        {
            return (null, Rejection.Error(RejectionReason.UnknownId, Errno.ENOENT, $"IOASID {id} is not allocated"));
        }

        return CheckOwner(state, record, setId) is { } refusal ? (null, refusal) : (record.Private, null);
    }

    /// <summary>
    /// The ownership check of get and find with a non-null set: a set that is unknown or destroyed
    /// is EINVAL (DOMAIN.md 3.5, Model: any operation naming a destroyed set), another set EACCES.
    /// </summary>
    internal static Rejection? CheckOwner(PoolState state, IoasidRecord record, int? setId) => setId switch
    {
        null => null,
        { } named when state.LiveSet(named) is null => Rejection.Error(RejectionReason.SetInvalid, Errno.EINVAL, $"set {named} is unknown or destroyed"),
        { } named when named != record.SetId => Rejection.Error(RejectionReason.NotOwner, Errno.EACCES, $"IOASID {record.Id} belongs to set {record.SetId}, not {named}"),
        _ => null,
    };
}
