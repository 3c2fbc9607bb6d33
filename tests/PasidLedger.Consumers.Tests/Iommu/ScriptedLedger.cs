using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Tests.Iommu;

/// <summary>
/// The ledger in process for component tests: records every command in order, counts references per holder, answers
/// a repeated command id with its first result (as the ledger does), and refuses or crashes where a test says so.
/// </summary>
public sealed class ScriptedLedger(string name, int generation = 1) : ILedgerCommands
{
    private readonly Dictionary<Guid, CommandResult> _answered = [];
    private readonly Dictionary<string, (string Reason, int Errno)> _refusals = new(StringComparer.Ordinal);
    private readonly Dictionary<(uint Id, string Holder), int> _holders = [];

    public string Pool => "host-a";

    public string Name => name;

    /// <summary>Every command received, in order, repeats included.</summary>
    public List<SentCommand> Sent { get; } = [];

    /// <summary>The message type that crashes the sender after the ledger did it; cleared once it crashed.</summary>
    public string? CrashAfter { get; set; }

    public IReadOnlyList<string> Types => [.. Sent.Select(sent => sent.MessageType)];

    public void Refuse(string messageType, string reason, int errno) => _refusals[messageType] = (reason, errno);

    public int RefsHeldBy(uint id, string holder) => _holders.GetValueOrDefault((id, holder));

    public Task<CommandResult> SendAsync<T>(T command, string messageType, Guid commandId, Guid? causation, CancellationToken ct) where T : class
    {
        Sent.Add(new SentCommand(command, messageType, commandId, causation));
        if (!_answered.TryGetValue(commandId, out var result))
        {
            result = Decide(command, messageType, commandId);
            _answered[commandId] = result;
        }
        else
        {
            result = result with { Replayed = true };
        }

        if (CrashAfter == messageType)
        {
            CrashAfter = null;
            throw new SimulatedCrashException(messageType);
        }

        return Task.FromResult(result);
    }

    private CommandResult Decide(object command, string messageType, Guid commandId)
    {
        var answer = new CommandResult(commandId.ToString("D"), messageType, Pool, "ok", null, 0, null, Sent.Count, false);
        if (_refusals.TryGetValue(messageType, out var refusal))
        {
            return answer with { Status = "failed", Reason = refusal.Reason, Errno = refusal.Errno, Detail = "refused by the test" };
        }

        return command switch
        {
            AcquireRefCommand get => answer with { Ioasid = Take(get.Id, get.Holder) },
            AcquireRefIfOwnedCommand get => answer with { Ioasid = Take(get.Id, get.Holder) },
            ReleaseRefCommand put => answer with { Release = Drop(put.Id, put.Holder) },
            RegisterNotifierCommand => answer with { Notifier = new NotifierReply(1, true) },
            AttachSpidCommand attach => answer with { Ioasid = View(attach.Id) },
            AttachPrivateCommand attach => answer with { Ioasid = View(attach.Id) },
            _ => answer,
        };
    }

    private IoasidReply Take(uint id, string holder)
    {
        _holders[(id, holder)] = RefsHeldBy(id, holder) + 1;
        return View(id);
    }

    private ReleaseReply Drop(uint id, string holder)
    {
        _holders[(id, holder)] = RefsHeldBy(id, holder) - 1;
        return new ReleaseReply(Refs(id), false);
    }

    private int Refs(uint id) => 1 + _holders.Where(held => held.Key.Id == id).Sum(held => held.Value);

    private IoasidReply View(uint id) =>
        new(id, generation, 3, "active", Refs(id), _holders.Where(held => held.Key.Id == id).ToDictionary(held => held.Key.Holder, held => held.Value), null, null);
}

/// <summary>One command a component sent.</summary>
public sealed record SentCommand(object Command, string MessageType, Guid CommandId, Guid? Causation);

/// <summary>The component's process dies right after the ledger did a command, before the answer arrived.</summary>
public sealed class SimulatedCrashException(string messageType) : Exception($"crashed after {messageType}");
