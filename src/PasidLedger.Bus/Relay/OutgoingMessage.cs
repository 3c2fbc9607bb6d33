namespace PasidLedger.Bus.Relay;

/// <summary>
/// One message the relay sends for an event: where to (exchange and routing key), its id (the
/// consumers' idempotency key, derived from the event), its type, JSON body and headers, and for a
/// message to one recipient the durable queue it must reach (declared and bound before it is sent).
/// </summary>
public sealed record OutgoingMessage(
    string Exchange,
    string RoutingKey,
    Guid MessageId,
    string Type,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string> Headers,
    string? Queue = null);

/// <summary>Sends the relay's messages to the broker.</summary>
public interface IRelayPublisher
{
    /// <summary>
    /// Sends <paramref name="messages"/> in order and returns once the broker has confirmed every one;
    /// throws when any was not confirmed (then none of them counts as sent: the relay sends them all again).
    /// </summary>
    Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct);
}

/// <summary>
/// What the relay sends for one event of a pool, in order: its public message; for a notification one
/// message per recipient; and a RunWork when the event put a work item at the head of the queue.
/// </summary>
public interface IRelayMessages
{
    /// <param name="becameHead">The work item this event put at the head of the pool's queue, if it did.</param>
    IEnumerable<OutgoingMessage> MessagesOf(string pool, Application.Ports.RecordedEvent recorded, Domain.State.WorkItem? becameHead);
}
