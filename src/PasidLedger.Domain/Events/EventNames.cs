using System.Collections.Frozen;

namespace PasidLedger.Domain.Events;

/// <summary>The one registry of persisted event names; the CLR name is never stored.</summary>
public static class EventNames
{
    private static readonly FrozenDictionary<Type, string> ByType = new Dictionary<Type, string>
    {
        [typeof(PoolCreated)] = "pool.created.v1",
        [typeof(CapacityInstalled)] = "capacity.installed.v1",
        [typeof(CapacityReserved)] = "capacity.reserved.v1",
        [typeof(CapacityCancelled)] = "capacity.cancelled.v1",
        [typeof(SetCreated)] = "set.created.v1",
        [typeof(SetQuotaAdjusted)] = "set.quota-adjusted.v1",
        [typeof(SetClosing)] = "set.closing.v1",
        [typeof(SetDestroyed)] = "set.destroyed.v1",
        [typeof(IoasidAllocated)] = "ioasid.allocated.v1",
        [typeof(RefAcquired)] = "ioasid.ref-acquired.v1",
        [typeof(RefReleased)] = "ioasid.ref-released.v1",
        [typeof(FreeRequested)] = "ioasid.free-requested.v1",
        [typeof(IoasidReclaimed)] = "ioasid.reclaimed.v1",
        [typeof(PrivateAttached)] = "ioasid.private-attached.v1",
        [typeof(PrivateDetached)] = "ioasid.private-detached.v1",
        [typeof(SpidAttached)] = "ioasid.spid-attached.v1",
        [typeof(SpidDetached)] = "ioasid.spid-detached.v1",
        [typeof(NotificationPublished)] = "notification.published.v1",
        [typeof(NotificationAcknowledged)] = "notification.acknowledged.v1",
        [typeof(NotifierRegistered)] = "notifier.registered.v1",
        [typeof(NotifierActivated)] = "notifier.activated.v1",
        [typeof(NotifierDeactivated)] = "notifier.deactivated.v1",
        [typeof(NotifierUnregistered)] = "notifier.unregistered.v1",
        [typeof(WorkQueued)] = "work.queued.v1",
        [typeof(WorkCompleted)] = "work.completed.v1",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Type> ByName =
        ByType.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Every registered event type.</summary>
    public static IEnumerable<Type> Types => ByType.Keys;

    /// <summary>The persisted name of an event.</summary>
    public static string Of(PoolEvent @event) => NameOf(@event.GetType());

    /// <summary>The persisted name of an event type; throws for an unregistered type (a bug).</summary>
    public static string NameOf(Type type) =>
        ByType.TryGetValue(type, out var name) ? name : throw new KeyNotFoundException($"Event type {type.Name} has no persisted name.");

    /// <summary>The event type persisted under <paramref name="name"/>, or null.</summary>
    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);
}
