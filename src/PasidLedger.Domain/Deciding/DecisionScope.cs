using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>
/// One command's view of the pool while it emits several events: the state as read, plus what
/// the events emitted so far changed (records, member counts, set life cycles, capacity, the
/// queue). <see cref="Pool.Decide"/> stays pure: the state itself is never written here.
/// </summary>
internal sealed partial class DecisionScope(PoolState state)
{
    private readonly List<PoolEvent> events = new(4);
    private Dictionary<uint, IoasidRecord?>? records;
    private Dictionary<int, int>? memberDelta;
    private Dictionary<int, SetLifecycle>? lifecycles;
    private HashSet<string>? queuedWork;
    private List<ReactionRejection>? reactionRejections;
    private long? available;

    public PoolState State { get; } = state;

    public long Available => available ?? State.Available;

    public IoasidRecord? Ioasid(uint id) =>
        records is not null && records.TryGetValue(id, out var record) ? record : State.Find(id);

    public int Members(IoasidSet set) => set.Count + (memberDelta?.GetValueOrDefault(set.SetId) ?? 0);

    public SetLifecycle Lifecycle(IoasidSet set) =>
        lifecycles is not null && lifecycles.TryGetValue(set.SetId, out var lifecycle) ? lifecycle : set.Lifecycle;

    public bool IsWorkQueued(string workId) =>
        (queuedWork?.Contains(workId) ?? false) || State.IsWorkQueued(workId);

    public Decision Done(CommandReply reply) =>
        new(events, reply, null, (IReadOnlyList<ReactionRejection>?)reactionRejections ?? []);

    public void Emit(PoolEvent @event) => events.Add(@event);

    public void Track(IoasidRecord record) => (records ??= [])[record.Id] = record;

    public void Allocated(IoasidRecord record)
    {
        Track(record);
        AdjustMembers(record.SetId, +1);
    }

    public IoasidRecord Acquire(IoasidRecord record, string holder)
    {
        var next = record.Acquired(holder);
        Emit(new RefAcquired(record.Id, record.Generation, holder, next.Refs));
        Track(next);
        return next;
    }

    /// <summary>Drops one reference of <paramref name="holder"/>; true when that reclaimed the ID.</summary>
    public bool Release(IoasidRecord record, string holder)
    {
        var next = record.Released(holder);
        Emit(new RefReleased(record.Id, record.Generation, holder, next.Refs));
        if (next.Refs > 0)
        {
            Track(next);
            return false;
        }

        Reclaim(record);
        return true;
    }

    /// <summary>Refs reached zero (DOMAIN.md 3.3): the number goes back, silently.</summary>
    public void Reclaim(IoasidRecord record)
    {
        Emit(new IoasidReclaimed(record.Id, record.Generation, record.SetId));
        (records ??= [])[record.Id] = null;
        AdjustMembers(record.SetId, -1);
        var set = State.Sets[record.SetId];
        var lifecycle = Lifecycle(set);
        var autoDestroy = lifecycle == SetLifecycle.Closing
            || (lifecycle == SetLifecycle.Live && State.Options.AutoDestroyWhenEmpty);
        if (autoDestroy && Members(set) == 0)
        {
            Destroy(set, "last member reclaimed");
        }
    }

    public void Close(IoasidSet set)
    {
        Emit(new SetClosing(set.SetId, Members(set)));
        (lifecycles ??= [])[set.SetId] = SetLifecycle.Closing;
    }

    /// <summary>DESTROYED (DOMAIN.md 3.5): quota back once, mm registrations pending again, set chain dropped.</summary>
    public void Destroy(IoasidSet set, string reason)
    {
        available = Available + set.Quota;
        Emit(new SetDestroyed(set.SetId, reason, set.Quota, Available));
        (lifecycles ??= [])[set.SetId] = SetLifecycle.Destroyed;
        foreach (var registration in set.Chain)
        {
            Emit(registration.Scope == NotifierScope.Mm
                ? new NotifierDeactivated(registration.NotifierId, set.SetId)
                : new NotifierUnregistered(registration.NotifierId));
        }
    }

    public void Queue(WorkItem item)
    {
        Emit(new WorkQueued(item.WorkId, item.By, item.Id, item.Cause));
        (queuedWork ??= []).Add(item.WorkId);
    }

    public void RejectReaction(ReactionRejection rejection) => (reactionRejections ??= []).Add(rejection);

    private void AdjustMembers(int setId, int delta)
    {
        memberDelta ??= [];
        memberDelta[setId] = memberDelta.GetValueOrDefault(setId) + delta;
    }
}
