namespace PasidLedger.Application.Writing;

/// <summary>A queued command and the caller waiting for it.</summary>
internal sealed class PendingCommand(CommandEnvelope envelope)
{
    public CommandEnvelope Envelope { get; } = envelope;

    public TaskCompletionSource<CommandResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
