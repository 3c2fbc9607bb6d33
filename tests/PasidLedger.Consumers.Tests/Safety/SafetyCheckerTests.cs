using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Safety;
using PasidLedger.Consumers.Tests.Support;
using Shouldly;
using Xunit;

namespace PasidLedger.Consumers.Tests.Safety;

/// <summary>The safety checker against consumer states asked right after the ledger reclaimed IOASID 42 generation 1.</summary>
public sealed class SafetyCheckerTests
{
    private const uint H = 42;
    private readonly RecordingLogger<SafetyChecker> _log = new();
    private readonly SafetyChecker _checker;

    public SafetyCheckerTests() => _checker = new SafetyChecker(_log);

    [Fact]
    public void ATableThatStillHoldsTheReclaimedId_IsAViolation_LoggedAtError()
    {
        var vdcm = State("vdcm:dsa0", holds: [new HeldId(H, 1, "work-queues", "wq0 → 42")]);

        var found = _checker.Check(H, 1, [vdcm, State("kvm:A")]);

        found.ShouldBe([new SafetyViolation("vdcm:dsa0", "work-queues", "wq0 → 42", H, 1, "table still holds an IOASID the ledger reclaimed")]);
        _log.Lines.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
    }

    [Fact]
    public void DmaAfterTheComponentsLastReleaseOfTheReclaimedId_IsAViolation()
    {
        var vdcm = State("vdcm:dsa0", runs: [new DmaRun("wq0", H, 1, 3), new DmaRun("wq0", H, 1, 9)], releases: [new ReleasedRef(H, 1, 5), new ReleasedRef(H, 1, 7)]);

        var found = _checker.Check(H, 1, [vdcm]);

        found.ShouldHaveSingleItem().ShouldBe(found[0] with { Component = "vdcm:dsa0", Table = "dma", Entry = "wq0 at step 9" });
    }

    [Fact]
    public void DmaOnTheReclaimedIdWithoutAnyRelease_IsAViolation()
    {
        var found = _checker.Check(H, 1, [State("vdcm:dsa0", runs: [new DmaRun("wq0", H, 1, 2)])]);

        found.ShouldHaveSingleItem().Table.ShouldBe("dma");
    }

    [Fact]
    public void AStateThatReleasedTheIdAfterItsLastDma_AndHoldsNothing_IsClean()
    {
        var vdcm = State("vdcm:dsa0", runs: [new DmaRun("wq0", H, 1, 3)], releases: [new ReleasedRef(H, 1, 5)]);
        var kvm = State("kvm:A", releases: [new ReleasedRef(H, 1, 4)]);

        _checker.Check(H, 1, [vdcm, kvm]).ShouldBeEmpty();

        _checker.Violations.ShouldBeEmpty();
        _checker.ThrowIfAny();
        _log.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void ADifferentGenerationOfTheSameId_IsNotAViolation()
    {
        var vdcm = State("vdcm:dsa0", holds: [new HeldId(H, 2, "work-queues", "wq0 → 42")], runs: [new DmaRun("wq0", H, 2, 9)], releases: [new ReleasedRef(H, 1, 5)]);

        _checker.Check(H, 1, [vdcm]).ShouldBeEmpty();
    }

    [Fact]
    public void ThrowIfAny_FailsLoudly_NamingEveryViolationFoundSoFar()
    {
        _checker.Check(H, 1, [State("vdcm:dsa0", holds: [new HeldId(H, 1, "work-queues", "wq0 → 42")])]);
        _checker.Check(43, 3, [State("kvm:A", holds: [new HeldId(43, 3, "pasid-translation", "8 → 43")])]);

        var thrown = Should.Throw<SafetyViolationException>(_checker.ThrowIfAny);

        thrown.Violations.Count.ShouldBe(2);
        thrown.Message.ShouldContain("vdcm:dsa0 work-queues[wq0 → 42] on IOASID 42 generation 1");
        thrown.Message.ShouldContain("kvm:A pasid-translation[8 → 43] on IOASID 43 generation 3");
    }

    private static ComponentState State(string name, HeldId[]? holds = null, DmaRun[]? runs = null, ReleasedRef[]? releases = null) =>
        new(name, name.Split(':')[0], holds ?? [], runs ?? [], releases ?? [], []);
}
