namespace PasidLedger.Contracts.V1;

/// <summary>
/// "Run your work item now": sent by the relay to <see cref="Exchanges.Work"/> for the owner
/// (<paramref name="By"/>) of a work item once it is at the head of the pool's ordered queue (V4 13/18,
/// DOMAIN.md 4.6). The owner does the work, then sends <see cref="CompleteWorkCommand"/>, after which the next
/// item runs. Message id: <see cref="MessageIds.ForDelivery"/>(ReadyEventId, By).
/// </summary>
/// <param name="Pool">The pool whose queue holds the item.</param>
/// <param name="WorkId">The work item's name, to send back in <see cref="CompleteWorkCommand"/>.</param>
/// <param name="Id">The IOASID the work is about, if any.</param>
/// <param name="Cause">The notification kind that caused it (<c>alloc</c>, <c>free</c>, <c>bind</c>, <c>unbind</c>), if any.</param>
/// <param name="By">Who queued the item and runs it.</param>
/// <param name="ReadyEventId">
/// The id of the event that put the item at the head of the queue: its own <c>work.queued.v1</c> when the
/// queue was empty, else the <c>work.completed.v1</c> of the item before it.
/// </param>
/// <param name="ReadyVersion">The stream version of that event.</param>
public sealed record RunWork(string Pool, string WorkId, uint? Id, string? Cause, string By, Guid ReadyEventId, long ReadyVersion)
{
    /// <summary>The message type (AMQP <c>type</c> and <see cref="HeaderNames.Type"/>).</summary>
    public const string MessageType = "delivery.run-work.v1";
}
