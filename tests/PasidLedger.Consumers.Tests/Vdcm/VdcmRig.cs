using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Tests.Support;
using PasidLedger.Consumers.Vdcm;
using PasidLedger.Contracts.V1;
using Xunit;

namespace PasidLedger.Consumers.Tests.Vdcm;

/// <summary>One VDCM device (<c>vdcm:dsa0</c> for VM A) on a fake ledger, with a saved state that outlives a restart.</summary>
public sealed class VdcmRig : IDisposable
{
    public const string Pool = "host-a";
    public const string Name = "vdcm:dsa0";
    public const int SetId = 3;

    private readonly TempStateFile<VdcmMemory> _state = new();

    public VdcmRig() => Component = Start(new FakeLedger(Pool, Name));

    public VdcmComponent Component { get; private set; }

    public FakeLedger Ledger { get; private set; } = null!;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Plays a consumer restart: a new component on <paramref name="ledger"/> from the saved state.</summary>
    public VdcmComponent Start(FakeLedger ledger)
    {
        Ledger = ledger;
        Component = new VdcmComponent(ledger, _state.Open(), new ComponentOptions("mm:A"), new RecordingLogger<VdcmComponent>());
        return Component;
    }

    public Task BindAsync(uint host, uint gpasid, int generation = 1) =>
        Component.OnNotificationAsync(
            new Notification("bind", Pool, 10, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, host, generation, gpasid, SetId, null, Name, 2, 2),
            Guid.NewGuid(), Ct);

    /// <summary>The guest programs <paramref name="gpasid"/> into <paramref name="queue"/>, and the ledger's find_by_spid answers <paramref name="host"/>.</summary>
    public Task<ControlResult> ProgramAsync(string queue, uint gpasid, uint host)
    {
        Ledger.Answer = command => command is AcquireRefBySpidCommand ? FakeLedger.Ok() with { Lookup = new LookupReply(host) } : null;
        return Component.HandleAsync(new ProgramQueuePasid(queue, gpasid), Guid.NewGuid(), Ct);
    }

    public static RunWork UnbindWork(uint host) => new(Pool, $"{Name}:unbind:{host}.1", host, "unbind", Name, Guid.NewGuid(), 50);

    public void Dispose() => _state.Dispose();
}
