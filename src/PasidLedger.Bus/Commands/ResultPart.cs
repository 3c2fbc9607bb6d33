using PasidLedger.Contracts.V1;

namespace PasidLedger.Bus.Commands;

/// <summary>The part of a <see cref="CommandResult"/> one command type fills: at most one reply part and, for some, the outcome word.</summary>
public sealed record ResultPart(
    string? Outcome = null,
    CapacityReply? Capacity = null,
    ReservationReply? Reservation = null,
    SetReply? Set = null,
    IoasidReply? Ioasid = null,
    ReleaseReply? Release = null,
    FreeAllReply? FreeAll = null,
    LookupReply? Lookup = null,
    NotifierReply? Notifier = null,
    WorkReply? Work = null)
{
    public static ResultPart None { get; } = new();

    /// <summary><paramref name="result"/> with this part filled in.</summary>
    public CommandResult FillIn(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with
        {
            Outcome = Outcome,
            Capacity = Capacity,
            Reservation = Reservation,
            Set = Set,
            Ioasid = Ioasid,
            Release = Release,
            FreeAll = FreeAll,
            Lookup = Lookup,
            Notifier = Notifier,
            Work = Work,
        };
    }
}
