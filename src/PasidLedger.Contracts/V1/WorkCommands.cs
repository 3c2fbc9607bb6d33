namespace PasidLedger.Contracts.V1;

// The ordered work queue (V4 13/18, DOMAIN.md 4.6): sent by a consumer under its own name to the ledger on
// Exchanges.Commands, each answered with a CommandResult (its Work for queue_work, nothing else for completion).

/// <summary><c>queue_work(work)</c>; the result's <c>work.queued</c> is false when the item is already queued.</summary>
/// <param name="By">The sender's own name: it gets the <see cref="RunWork"/>.</param>
/// <param name="Id">The IOASID the work is about, if any.</param>
public sealed record QueueWorkCommand(string Pool, string WorkId, string By, uint? Id = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.queue-work.v1";
}

/// <summary>The head work item finished (after its <see cref="RunWork"/>); the next item may run.</summary>
public sealed record CompleteWorkCommand(string Pool, string WorkId)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.complete-work.v1";
}
