using System.Globalization;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Writing;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Deciding;
using WriterResult = PasidLedger.Application.Writing.CommandResult;

namespace PasidLedger.Bus.Commands;

/// <summary>The reply parts of bus results, from the writer's typed result: its reply and the rows it took (as HTTP's ReplyBodies do).</summary>
public static class ResultParts
{
    public static ResultPart Capacity(WriterResult result) => new(Capacity: CapacityOf(result));

    /// <summary><c>install_capacity</c>: the capacity view and <c>installed</c>, or <c>ignored</c> once the capacity was set.</summary>
    public static ResultPart Install(WriterResult result) => new(ReplyOutcomes.Done(result, "installed"), CapacityOf(result));

    public static ResultPart Reservation(WriterResult result) =>
        result is { Reply: CapacityChanged taken, Rows.Capacity: { } capacity } ? new(Reservation: new(taken.Count, capacity.Available)) : ResultPart.None;

    public static ResultPart Set(WriterResult result) =>
        result.Rows is { Set: { } set } rows ? new(Set: SetOf(set, rows.Members)) : ResultPart.None;

    public static ResultPart FreeAll(WriterResult result) =>
        result.Reply is SetFreedAll freed ? new(ReplyOutcomes.Done(result, "done"), FreeAll: new(freed.SetId, freed.Reclaimed, freed.FreePending)) : ResultPart.None;

    public static ResultPart Ioasid(WriterResult result) =>
        result.Rows.Ioasid is { } ioasid ? new(Ioasid: IoasidOf(ioasid)) : ResultPart.None;

    public static ResultPart Release(WriterResult result) =>
        result.Reply is RefsChanged changed ? new(ReplyOutcomes.Release(result, changed), Release: new(changed.Refs, changed.Reclaimed)) : ResultPart.None;

    public static ResultPart Free(WriterResult result) =>
        result.Reply is FreeOutcome freed ? new(ReplyOutcomes.Free(freed)) : ResultPart.None;

    /// <summary>A call the kernel may ignore whose answer is only its outcome word.</summary>
    public static Func<WriterResult, ResultPart> Outcome(string done) => result => new(ReplyOutcomes.Done(result, done));

    public static ResultPart Lookup(WriterResult result) =>
        result.Reply is SpidResolved resolved ? new(Lookup: new(resolved.Id)) : ResultPart.None;

    public static ResultPart Notifier(WriterResult result) =>
        result.Reply is NotifierAdded added ? new(Notifier: new(added.NotifierId, added.Active)) : ResultPart.None;

    public static Func<WriterResult, ResultPart> Work(string workId) => result =>
        result.Reply is WorkAccepted accepted ? new(Work: new(workId, accepted.Queued)) : ResultPart.None;

    public static ResultPart None(WriterResult result) => ResultPart.None;

    private static CapacityReply? CapacityOf(WriterResult result) =>
        result.Rows.Capacity is { } v ? new(v.Pool, v.Capacity, v.Available, v.CapacityInstalled, v.Version) : null;

    private static SetReply SetOf(SetView set, IReadOnlyList<RefcountView> members) => new(
        set.SetId, set.Type, set.Token, set.Quota, set.Count, set.State,
        [.. members.Select(r => new SetMemberReply(r.Id, r.Generation, r.State, r.Refs, r.Spid))],
        members.Where(r => r.Spid is not null).OrderBy(r => r.Spid)
            .ToDictionary(r => r.Spid!.Value.ToString(CultureInfo.InvariantCulture), r => r.Id));

    private static IoasidReply IoasidOf(RefcountView r) => new(r.Id, r.Generation, r.SetId, r.State, r.Refs, r.Holders, r.Spid, r.Private);
}
