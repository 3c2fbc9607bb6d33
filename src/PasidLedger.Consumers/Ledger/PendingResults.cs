using System.Collections.Concurrent;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>The commands this consumer sent and still waits for, by command id (the message id it sent them with).</summary>
public sealed class PendingResults
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CommandResult>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Starts waiting for <paramref name="commandId"/>'s result; a second wait for the same id shares the first.</summary>
    public Task<CommandResult> Expect(string commandId) =>
        _waiting.GetOrAdd(commandId, _ => new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Hands a result to whoever waits for it; a result nobody waits for (a late repeat) is dropped.</summary>
    public void Complete(CommandResult result)
    {
        if (_waiting.TryRemove(result.CommandId, out var waiter))
        {
            waiter.TrySetResult(result);
        }
    }

    /// <summary>Stops waiting for <paramref name="commandId"/> (the caller gave up or will send again).</summary>
    public void Forget(string commandId) => _waiting.TryRemove(commandId, out _);
}
