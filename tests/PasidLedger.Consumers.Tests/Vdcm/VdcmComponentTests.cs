using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Tests.Support;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Consumers.Tests.Vdcm;

/// <summary>VDCM as DOMAIN.md 4.8 (V4) and 5.7 describe it, on a fake ledger.</summary>
public sealed class VdcmComponentTests : IDisposable
{
    private const uint H = 42;
    private const uint G = 7;
    private readonly VdcmRig _rig = new();

    private static CancellationToken Ct => VdcmRig.Ct;

    [Fact]
    public async Task Start_RegistersByMm_AtPriorityDevice_WithUnbindQueueingWork()
    {
        _rig.Ledger.Answer = command => command is RegisterNotifierCommand ? FakeLedger.Ok() with { Notifier = new NotifierReply(5, false) } : null;

        await _rig.Component.StartAsync(Ct);

        var registered = _rig.Ledger.SentOf<RegisterNotifierCommand>().ShouldHaveSingleItem();
        registered.ShouldBe(registered with { Name = VdcmRig.Name, Scope = "mm", Token = "mm:A", Priority = "device" });
        registered.Reactions.ShouldBe([new Reaction("unbind", "queueWork", null)]);
    }

    [Fact]
    public async Task ProgrammingWithAnInvalidLookup_TakesNoReference_AndProgramsNothing()
    {
        await _rig.BindAsync(H, G);
        _rig.Ledger.Answer = _ => FakeLedger.Ignored("SpidNotFound", -2, "SPID 9 is not bound in set 3") with { Lookup = new LookupReply(null) };

        var result = await _rig.Component.HandleAsync(new ProgramQueuePasid("wq0", 9), Guid.NewGuid(), Ct);

        result.ShouldBe(ControlResult.Refused("SpidNotFound", -2, "SPID 9 is not bound in set 3"));
        _rig.Ledger.SentOf<AcquireRefBySpidCommand>().ShouldHaveSingleItem().ShouldBe(new AcquireRefBySpidCommand(VdcmRig.Pool, VdcmRig.SetId, 9, VdcmRig.Name));
        _rig.Ledger.SentOf<ReleaseRefCommand>().ShouldBeEmpty();
        _rig.Component.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProgrammingBeforeAnySetIsKnown_IsRefused_WithoutAskingTheLedger()
    {
        var result = await _rig.Component.HandleAsync(new ProgramQueuePasid("wq0", G), Guid.NewGuid(), Ct);

        result.Reason.ShouldBe("SetInvalid");
        _rig.Ledger.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProgrammingAQueueThatHoldsAPasid_IsRefusedWithEbusy_AndTakesNoSecondReference()
    {
        await _rig.BindAsync(H, G);
        await _rig.ProgramAsync("wq0", G, H);

        var again = await _rig.ProgramAsync("wq0", G, H);

        again.ShouldBe(again with { Ok = false, Reason = "QueueBusy", Errno = -16 });
        _rig.Ledger.SentOf<AcquireRefBySpidCommand>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task ProgrammingAValidGuestPasid_WritesTheHostPasidWithTheGenerationOfItsBind()
    {
        await _rig.BindAsync(H, G, generation: 4);

        var result = await _rig.ProgramAsync("wq0", G, H);

        result.ShouldBe(ControlResult.Done(H));
        _rig.Component.Show().Holds.ShouldBe([new HeldId(H, 4, "work-queues", "wq0 → 42")]);
    }

    [Fact]
    public async Task ClearingAQueue_ClearsTheHardware_ThenPuts()
    {
        await _rig.BindAsync(H, G);
        await _rig.ProgramAsync("wq0", G, H);
        IReadOnlyList<HeldId>? heldAtPut = null;
        _rig.Ledger.OnSend = command => heldAtPut = command is ReleaseRefCommand ? _rig.Component.Show().Holds : heldAtPut;

        var result = await _rig.Component.HandleAsync(new ClearQueuePasid("wq0"), Guid.NewGuid(), Ct);

        result.ShouldBe(ControlResult.Done(H));
        heldAtPut.ShouldNotBeNull().ShouldBeEmpty();
        _rig.Ledger.SentOf<ReleaseRefCommand>().ShouldHaveSingleItem().ShouldBe(new ReleaseRefCommand(VdcmRig.Pool, H, VdcmRig.Name, null, 1));
        _rig.Component.Show().Releases.ShouldHaveSingleItem().Id.ShouldBe(H);
    }

    [Fact]
    public async Task ClearingAnEmptyQueue_IsOk_AndSendsNothing()
    {
        var result = await _rig.Component.HandleAsync(new ClearQueuePasid("wq0"), Guid.NewGuid(), Ct);

        result.ShouldBe(ControlResult.Done());
        _rig.Ledger.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task DmaOnAnEmptyQueue_Faults_AndIsNotARun()
    {
        var result = await _rig.Component.HandleAsync(new RunDma("wq0"), Guid.NewGuid(), Ct);

        result.ShouldBe(result with { Ok = false, Reason = "NoPasid", Errno = -14 });
        _rig.Component.Show().DmaRuns.ShouldBeEmpty();
    }

    [Fact]
    public async Task DmaOnAProgrammedQueue_IsRecordedAsARunAtItsStep()
    {
        await _rig.BindAsync(H, G);
        await _rig.ProgramAsync("wq0", G, H);

        var result = await _rig.Component.HandleAsync(new RunDma("wq0"), Guid.NewGuid(), Ct);

        result.ShouldBe(ControlResult.Done(H));
        var run = _rig.Component.Show().DmaRuns.ShouldHaveSingleItem();
        run.ShouldBe(new DmaRun("wq0", H, 1, 3));
    }

    public void Dispose() => _rig.Dispose();
}
