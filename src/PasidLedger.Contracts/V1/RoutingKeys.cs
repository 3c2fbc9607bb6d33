namespace PasidLedger.Contracts.V1;

/// <summary>The routing key of each kind of message on its exchange (<see cref="Exchanges"/>).</summary>
public static class RoutingKeys
{
    /// <summary>A public message on <see cref="Exchanges.Events"/>: <c>&lt;pool&gt;.&lt;type&gt;</c>, e.g. <c>host-a.ioasid.allocated.v1</c>.</summary>
    public static string PublicEvent(string pool, string type) => $"{pool}.{type}";

    /// <summary>A <see cref="Notification"/> on <see cref="Exchanges.Notifications"/>: <c>&lt;pool&gt;.&lt;recipient&gt;</c>.</summary>
    public static string Notification(string pool, string recipient) => $"{pool}.{recipient}";

    /// <summary>A <see cref="RunWork"/> on <see cref="Exchanges.Work"/>: <c>&lt;pool&gt;.&lt;by&gt;</c>.</summary>
    public static string Work(string pool, string by) => $"{pool}.{by}";

    /// <summary>A command on <see cref="Exchanges.Commands"/>: its message type, e.g. <c>command.allocate-ioasid.v1</c>.</summary>
    public static string Command(string messageType) => messageType;
}
