using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Tests.Support;

/// <summary>
/// The ledger as a component sees it, without RabbitMQ: records every command sent and answers each with
/// <see cref="Answer"/> (ok with no reply part when it returns null). <see cref="OnSend"/> runs before the answer, to
/// look at the component's state at the moment a command leaves.
/// </summary>
public sealed class FakeLedger(string pool = "host-a", string name = "vdcm:dsa0") : ILedgerCommands
{
    public string Pool => pool;

    public string Name => name;

    public List<SentCommand> Sent { get; } = [];

    public Func<object, CommandResult?> Answer { get; set; } = _ => null;

    public Action<object> OnSend { get; set; } = _ => { };

    public IEnumerable<T> SentOf<T>() => Sent.Select(sent => sent.Command).OfType<T>();

    public Task<CommandResult> SendAsync<T>(T command, string messageType, Guid commandId, Guid? causation, CancellationToken ct)
        where T : class
    {
        Sent.Add(new SentCommand(command, messageType, commandId, causation));
        OnSend(command);
        var answer = Answer(command) ?? Ok();
        return Task.FromResult(answer with { CommandId = commandId.ToString("D"), CommandType = messageType, Pool = pool });
    }

    public static CommandResult Ok() => new(string.Empty, string.Empty, string.Empty, "ok", null, 0, null, 1, false);

    public static CommandResult Ignored(string reason, int errno, string detail) =>
        new(string.Empty, string.Empty, string.Empty, "ignored", reason, errno, detail, 1, false);
}

/// <summary>One command a component sent, with the ids it carried.</summary>
public sealed record SentCommand(object Command, string MessageType, Guid CommandId, Guid? Causation);
