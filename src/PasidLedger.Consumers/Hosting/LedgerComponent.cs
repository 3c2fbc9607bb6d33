using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.State;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// What the four components share: their saved memory, a log line per change, and commands to the ledger whose ids
/// follow from what caused them (<see cref="CommandIds"/>), so doing a step again never does it twice in the ledger.
/// </summary>
public abstract partial class LedgerComponent<TMemory> : ILedgerComponent where TMemory : ComponentMemory, new()
{
    private readonly StateFile<TMemory> _file;
    private readonly ILogger _log;

    protected LedgerComponent(ILedgerCommands ledger, StateFile<TMemory> file, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(file);
        Ledger = ledger;
        _file = file;
        _log = log;
        Memory = file.Load();
    }

    public abstract string Kind { get; }

    protected ILedgerCommands Ledger { get; }

    protected TMemory Memory { get; }

    protected string Name => Ledger.Name;

    protected string Pool => Ledger.Pool;

    public long LastVersion { get; private set; }

    public bool IsRepeat(Guid deliveryId)
    {
        if (!Memory.Handled.Contains(deliveryId))
        {
            return false;
        }

        LogRepeat(_log, Name, deliveryId);
        return true;
    }

    public void MarkHandled(Guid deliveryId)
    {
        Memory.Handled.Add(deliveryId);
        if (Memory.Handled.Count > ComponentMemory.HandledKept)
        {
            Memory.Handled.RemoveAt(0);
        }

        _file.Save(Memory);
    }

    public abstract Task StartAsync(CancellationToken ct);

    public virtual Task OnNotificationAsync(Notification notification, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Changed($"{notification.Kind.ToUpperInvariant()} of {notification.Id}: ignored");
        return Task.CompletedTask;
    }

    public virtual Task RunWorkAsync(RunWork work, Guid deliveryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        Changed($"work {work.WorkId}: nothing to do");
        return Task.CompletedTask;
    }

    public ComponentState Show() => new(Name, Kind, Holds(), DmaRuns(), [.. Memory.Releases], Lines());

    /// <summary>Every table entry naming a host IOASID.</summary>
    protected abstract IReadOnlyList<HeldId> Holds();

    /// <summary>The simulated DMA it ran; only VDCM runs any.</summary>
    protected virtual IReadOnlyList<DmaRun> DmaRuns() => [];

    /// <summary>Its tables for people.</summary>
    protected virtual IReadOnlyList<string> Lines() => [.. Holds().Select(held => $"{held.Table}: {held.Entry}")];

    /// <summary>Counts, logs and saves one change of its state.</summary>
    protected long Changed(string what)
    {
        Memory.Step++;
        LogChange(_log, Name, Memory.Step, what);
        _file.Save(Memory);
        return Memory.Step;
    }

    /// <summary>Sends <paramref name="command"/> as step <paramref name="step"/> of what <paramref name="cause"/> (a delivery or request id) asked for.</summary>
    protected async Task<CommandResult> SendAsync<T>(T command, string messageType, Guid cause, string step, CancellationToken ct) where T : class
    {
        var result = await Ledger.SendAsync(command, messageType, CommandIds.For(cause, Name, step), cause, ct).ConfigureAwait(false);
        LastVersion = Math.Max(LastVersion, result.Version);
        return result;
    }

    /// <summary>Registers its notifier once; the id is saved, so a restarted consumer does not register again.</summary>
    protected async Task RegisterAsync(string scope, string? token, string priority, IReadOnlyList<Reaction> reactions, CancellationToken ct)
    {
        if (Memory.NotifierId is not null)
        {
            return;
        }

        if (Memory.RegisteredBy is null)
        {
            Memory.RegisteredBy = Guid.NewGuid();
            Changed("registering its notifier");
        }

        var result = await SendAsync(
            new RegisterNotifierCommand(Pool, Name, scope, null, token, priority, LedgerLink.ControlQueueOf(Pool, Name), reactions),
            RegisterNotifierCommand.MessageType, Memory.RegisteredBy.Value, "register", ct).ConfigureAwait(false);
        Memory.NotifierId = result.Notifier?.NotifierId
            ?? throw new InvalidOperationException($"{Name} could not register its notifier: {result.Reason} ({result.Errno}) {result.Detail}");
        Changed($"registered notifier {Memory.NotifierId} ({scope}{(token is null ? string.Empty : $" {token}")}, priority {priority}, active {result.Notifier.Active})");
    }

    /// <summary>Unregisters its notifier (<paramref name="via"/> as in <see cref="UnregisterNotifierCommand"/>) as step <c>unregister</c> of <paramref name="cause"/>; a second call sends nothing.</summary>
    protected async Task UnregisterAsync(string? via, Guid cause, string why, CancellationToken ct)
    {
        if (Memory.NotifierId is not { } notifier)
        {
            return;
        }

        await SendAsync(new UnregisterNotifierCommand(Pool, notifier, via), UnregisterNotifierCommand.MessageType, cause, "unregister", ct).ConfigureAwait(false);
        Memory.NotifierId = null;
        Memory.RegisteredBy = null;
        Changed($"{why}: unregistered notifier {notifier}");
    }

    /// <summary>Records that the reference on <paramref name="host"/> is owed as step <paramref name="step"/> of <paramref name="cause"/>; saved with the caller's next <see cref="Changed"/>.</summary>
    protected void Owe(HostPasid host, Guid cause, string step) => Memory.Owed.Add(new OwedPut(host, cause, step));

    /// <summary>Puts every reference it owes, including one a crash left unput (same command id, so never twice).</summary>
    protected async Task PayOwedAsync(CancellationToken ct)
    {
        foreach (var owed in Memory.Owed.ToList())
        {
            await PutAsync(owed.Host.Id, owed.Host.Generation, owed.Cause, owed.Step, ct).ConfigureAwait(false);
            Memory.Owed.Remove(owed);
            Changed($"owed put({owed.Host.Id}) as {owed.Step} done");
        }
    }

    /// <summary>Puts the reference <paramref name="id"/> of <paramref name="generation"/> it holds, and records the release when the ledger released it.</summary>
    protected async Task<CommandResult> PutAsync(uint id, int generation, Guid cause, string step, CancellationToken ct)
    {
        var result = await SendAsync(new ReleaseRefCommand(Pool, id, Name, null, generation), ReleaseRefCommand.MessageType, cause, step, ct)
            .ConfigureAwait(false);
        if (result.Status == "ok")
        {
            Memory.Releases.Add(new ReleasedRef(id, generation, Memory.Step + 1));
        }

        Changed($"put({id}) → {result.Status}{(result.Release is { } left ? $", refs {left.Refs}{(left.Reclaimed ? ", reclaimed" : string.Empty)}" : $" {result.Reason}")}");
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name}: repeat of delivery {DeliveryId} dropped")]
    private static partial void LogRepeat(ILogger logger, string name, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} #{Step}: {What}")]
    private static partial void LogChange(ILogger logger, string name, long step, string what);
}
