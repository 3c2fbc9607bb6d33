using System.Diagnostics;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>
/// Misbehaviour on demand (<c>pasidledger consumer --crash-after &lt;message type&gt;</c>): the consumer kills its own process
/// (SIGKILL, nothing flushed, nothing acknowledged) the first time the ledger has answered a command of that type, as a
/// component that dies in the middle of its work would. The fault tests start it again with the same state directory.
/// </summary>
public sealed class CrashingLedgerCommands(ILedgerCommands inner, string crashAfter) : ILedgerCommands
{
    public string Pool => inner.Pool;

    public string Name => inner.Name;

    public async Task<CommandResult> SendAsync<T>(T command, string messageType, Guid commandId, Guid? causation, CancellationToken ct)
        where T : class
    {
        var result = await inner.SendAsync(command, messageType, commandId, causation, ct).ConfigureAwait(false);
        if (messageType == crashAfter)
        {
            await Console.Error.WriteLineAsync($"{Name}: killing itself after {messageType} ({result.Status}), as asked (--crash-after)").ConfigureAwait(false);
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }

        return result;
    }
}
