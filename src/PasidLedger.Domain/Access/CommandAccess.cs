using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Access;

/// <summary>
/// Who may send which command (README, "Who may do what"), decided by the pool writer against the
/// state it decides the command on, so the answer cannot go stale between the check and the change.
/// It follows the kernel's ownership: operators administer, auditors only read, a principal bound
/// to a VM acts on that VM's MM set and its IDs alone, and nobody but an operator takes, drops or
/// registers anything under another name. Where the named set, ID or notifier does not exist the
/// command is allowed here, and the pool answers it as it would anyone (SetInvalid, UnknownId, …).
/// </summary>
public static class CommandAccess
{
    private const string OperatorsOnly = "pools, capacity and quotas are the operator's";

    /// <summary>Why <paramref name="who"/> may not send <paramref name="command"/> to <paramref name="state"/>, or null when it may.</summary>
    public static string? Refusal(PoolState state, Principal who, PoolCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(who);
        return who.Role switch
        {
            Role.Operator => null,
            Role.Auditor => "an auditor reads everything and changes nothing",
            _ => Confined(state, who, command),
        };
    }

    /// <summary>Whether set <paramref name="setId"/> is the MM set of <paramref name="mm"/> (a NULL set is no VM's).</summary>
    public static bool Owns(PoolState state, string mm, int setId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Sets.TryGetValue(setId, out var set) && set.Type == SetType.Mm && set.Token == mm;
    }

    private static string? Confined(PoolState state, Principal who, PoolCommand command) => command switch
    {
        CreateSet c => SetCreation(who, c),
        AllocateIoasid c => InSet(state, who, c.SetId),
        FreeSet c => InSet(state, who, c.SetId),
        ReleaseSet c => InSet(state, who, c.SetId),
        FreeAllInSet c => InSet(state, who, c.SetId),
        AcquireRef c => AsItself(who, c.Holder) ?? InSet(state, who, c.SetId) ?? OfId(state, who, c.Id),
        AcquireRefIfOwned c => AsItself(who, c.Holder)
            ?? (c.Caller == who.OwnershipCaller ? null : $"get_if_owned asks for the calling process, which is {who.OwnershipCaller}"),
        ReleaseRef c => AsItself(who, c.Holder) ?? InSet(state, who, c.SetId) ?? OfId(state, who, c.Id),
        AcquireRefBySpid c => AsItself(who, c.Holder) ?? InSet(state, who, c.SetId),
        FreeIoasid c => InSet(state, who, c.SetId) ?? OfId(state, who, c.Id),
        AttachPrivate c => OfId(state, who, c.Id),
        DetachPrivate c => OfId(state, who, c.Id),
        AttachSpid c => OfId(state, who, c.Id),
        DetachSpid c => OfId(state, who, c.Id),
        RegisterNotifier c => Registration(state, who, c),
        UnregisterNotifier c => state.Notifiers.TryGetValue(c.NotifierId, out var n) && n.Name != who.Name
            ? $"notifier {c.NotifierId} is {n.Name}'s; a principal unregisters only its own" : null,
        QueueWork c => c.By != who.Name ? "work is queued only under the queuing principal's own name" : c.Id is { } id ? OfId(state, who, id) : null,
        CompleteWork c => state.Work.FirstOrDefault(w => w.WorkId == c.WorkId) is { } item && item.By != who.Name
            ? $"work {c.WorkId} was queued by {item.By}; only it completes the work" : null,
        AcknowledgeNotification c => c.Recipient == who.Name ? null : $"{who.Name} acknowledges notifications only as itself, not as {c.Recipient}",
        // CreatePool, capacity, AdjustSetQuota, and any command this table has not been taught.
        _ => OperatorsOnly,
    };

    private static string? SetCreation(Principal who, CreateSet create) =>
        create.Quota != 0 ? "quotas are the operator's: any other principal creates sets with quota 0 (unlimited and unreserved)"
        : who.Mm is { } mm
            ? create.Type == SetType.Mm && create.Token == mm ? null : $"{who.Name} creates only the MM set of its own mm, {mm}"
        : create.Type == SetType.Null ? null
        : "an MM set is created by its VM, or by a component whose token acts for that VM";

    private static string? AsItself(Principal who, string holder) =>
        holder == who.Name ? null : $"{who.Name} takes and drops references only as itself, not as {holder}";

    private static string? InSet(PoolState state, Principal who, int? setId) =>
        who.Mm is { } mm && setId is { } id && state.Sets.ContainsKey(id) && !Owns(state, mm, id)
            ? $"set {id} is not the set of {mm}" : null;

    private static string? OfId(PoolState state, Principal who, uint id) =>
        who.Mm is { } mm && state.Find(id) is { } record && !Owns(state, mm, record.SetId)
            ? $"IOASID {id} is not in the set of {mm}" : null;

    private static string? Registration(PoolState state, Principal who, RegisterNotifier register) =>
        register.Name != who.Name ? $"{who.Name} registers notifiers under its own name only, not as {register.Name}"
        : register.Reactions.FirstOrDefault(r => r.Holder is not null && r.Holder != who.Name) is { } reaction
            ? $"a reaction takes and drops references only as {who.Name}, not as {reaction.Holder}"
        : who.Mm is not { } mm ? null
        : register.Scope switch
        {
            NotifierScope.Set => InSet(state, who, register.SetId),
            NotifierScope.Mm => register.Token == mm ? null : $"{who.Name} registers by its own mm only, {mm}",
            _ => $"{who.Name} acts for {mm}: it registers on that VM's set or mm, not on the global chain",
        };
}
