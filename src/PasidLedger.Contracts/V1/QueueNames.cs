namespace PasidLedger.Contracts.V1;

/// <summary>
/// The durable queues the relay declares and binds before it sends to them, so a message for a recipient
/// that is not running yet waits for it instead of being dropped by the exchange: one per pool and
/// recipient for notifications, one per pool and owner for RunWork. Consumers consume these queues.
/// </summary>
public static class QueueNames
{
    /// <summary>Where <paramref name="recipient"/>'s notifications of <paramref name="pool"/> wait, bound to <see cref="Exchanges.Notifications"/> with <see cref="RoutingKeys.Notification"/>.</summary>
    public static string Notifications(string pool, string recipient) => $"{recipient}.{pool}.notifications";

    /// <summary>Where <paramref name="by"/>'s RunWork messages of <paramref name="pool"/> wait, bound to <see cref="Exchanges.Work"/> with <see cref="RoutingKeys.Work"/>.</summary>
    public static string Work(string pool, string by) => $"{by}.{pool}.work";
}
