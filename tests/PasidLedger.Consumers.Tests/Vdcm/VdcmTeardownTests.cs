using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Tests.Support;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Consumers.Tests.Vdcm;

/// <summary>VDCM's exceptional teardown: the UNBIND work item (DOMAIN.md 5.7 d) and mdev release (5.8).</summary>
public sealed class VdcmTeardownTests : IDisposable
{
    private const uint H = 42;
    private const uint G = 7;
    private const uint OtherH = 43;
    private const uint OtherG = 8;
    private readonly VdcmRig _rig = new();

    private static CancellationToken Ct => VdcmRig.Ct;

    [Fact]
    public async Task UnbindWork_ClearsEveryQueueHoldingTheId_ThenPutsOneReferencePerQueue()
    {
        await ProgramAsync(("wq0", G, H), ("wq1", G, H), ("wq2", OtherG, OtherH));
        var heldAtPuts = new List<IReadOnlyList<HeldId>>();
        _rig.Ledger.OnSend = command =>
        {
            if (command is ReleaseRefCommand)
            {
                heldAtPuts.Add(_rig.Component.Show().Holds);
            }
        };

        await _rig.Component.RunWorkAsync(VdcmRig.UnbindWork(H), Guid.NewGuid(), Ct);

        var puts = _rig.Ledger.Sent.Where(sent => sent.Command is ReleaseRefCommand).ToList();
        puts.Select(sent => sent.Command).ShouldBe([new ReleaseRefCommand(VdcmRig.Pool, H, VdcmRig.Name, null, 1), new ReleaseRefCommand(VdcmRig.Pool, H, VdcmRig.Name, null, 1)]);
        puts.Select(sent => sent.CommandId).Distinct().Count().ShouldBe(2);
        heldAtPuts.ShouldAllBe(held => held.All(entry => entry.Id != H));
        _rig.Component.Show().Holds.Select(held => held.Entry).ShouldBe(["wq2 → 43"]);
    }

    [Fact]
    public async Task UnbindWork_WithNothingHoldingTheId_SendsNothing()
    {
        await ProgramAsync(("wq2", OtherG, OtherH));

        await _rig.Component.RunWorkAsync(VdcmRig.UnbindWork(H), Guid.NewGuid(), Ct);

        _rig.Ledger.SentOf<ReleaseRefCommand>().ShouldBeEmpty();
    }

    [Fact]
    public async Task UnbindWorkRunAgainAfterAKillBeforeItsPut_SendsTheSameCommandId_AndLeavesNoReferenceBehind()
    {
        await ProgramAsync(("wq0", G, H));
        var work = VdcmRig.UnbindWork(H);
        var delivery = Guid.NewGuid();
        _rig.Ledger.OnSend = command => throw new OperationCanceledException("consumer killed while its put was on the wire");
        await Should.ThrowAsync<OperationCanceledException>(() => _rig.Component.RunWorkAsync(work, delivery, Ct));
        var firstPut = _rig.Ledger.Sent.Single(sent => sent.Command is ReleaseRefCommand);

        var restarted = _rig.Start(new FakeLedger(VdcmRig.Pool, VdcmRig.Name));
        await restarted.RunWorkAsync(work, delivery, Ct);

        var secondPut = _rig.Ledger.Sent.ShouldHaveSingleItem();
        secondPut.ShouldBe(firstPut);
        restarted.Show().Holds.ShouldBeEmpty();
        restarted.Show().Releases.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReleasingTheDevice_ClearsEveryQueue_PutsEachReference_ThenUnregistersByMm()
    {
        _rig.Ledger.Answer = command => command is RegisterNotifierCommand ? FakeLedger.Ok() with { Notifier = new NotifierReply(5, true) } : null;
        await _rig.Component.StartAsync(Ct);
        await ProgramAsync(("wq0", G, H), ("wq1", OtherG, OtherH));
        _rig.Ledger.Sent.Clear();
        var heldAtSends = new List<int>();
        _rig.Ledger.OnSend = _ => heldAtSends.Add(_rig.Component.Show().Holds.Count);

        var result = await _rig.Component.HandleAsync(new ReleaseDevice(VdcmRig.Pool), Guid.NewGuid(), Ct);

        result.ShouldBe(ControlResult.Done());
        _rig.Ledger.Sent.Select(sent => sent.Command).ShouldBe([
            new ReleaseRefCommand(VdcmRig.Pool, H, VdcmRig.Name, null, 1),
            new ReleaseRefCommand(VdcmRig.Pool, OtherH, VdcmRig.Name, null, 1),
            new UnregisterNotifierCommand(VdcmRig.Pool, 5, "mm"),
        ]);
        heldAtSends.ShouldBe([0, 0, 0]);
        _rig.Component.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReleasingTheDeviceTwice_UnregistersOnce()
    {
        _rig.Ledger.Answer = command => command is RegisterNotifierCommand ? FakeLedger.Ok() with { Notifier = new NotifierReply(5, true) } : null;
        await _rig.Component.StartAsync(Ct);

        await _rig.Component.HandleAsync(new ReleaseDevice(VdcmRig.Pool), Guid.NewGuid(), Ct);
        await _rig.Component.HandleAsync(new ReleaseDevice(VdcmRig.Pool), Guid.NewGuid(), Ct);

        _rig.Ledger.SentOf<UnregisterNotifierCommand>().ShouldHaveSingleItem();
    }

    private async Task ProgramAsync(params (string Queue, uint Gpasid, uint Host)[] queues)
    {
        foreach (var (queue, gpasid, host) in queues)
        {
            await _rig.BindAsync(host, gpasid);
            (await _rig.ProgramAsync(queue, gpasid, host)).Ok.ShouldBeTrue();
        }
    }

    public void Dispose() => _rig.Dispose();
}
