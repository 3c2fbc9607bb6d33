using PasidLedger.Api.Tests.Support;
using PasidLedger.Consumers.Scenarios;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// A consumer killed in the middle of its cleanup work and started again (issue 11, faults): the IOMMU's process kills
/// itself (SIGKILL) right after the ledger answered the <c>detach_spid</c> of its FREE work, before it detached the data
/// and put. Started again with its saved state, it gets the same RunWork (never acknowledged to RabbitMQ), finishes the
/// cleanup with the same command ids, and H is reclaimed with the IOMMU's reference released exactly once.
/// </summary>
public sealed class ConsumerCrashTests(BusLedgerApi api) : IClassFixture<BusLedgerApi>
{
    [Fact]
    public async Task IommuKilledAfterDetachSpidInItsFreeWork_FinishesAfterRestart_AndPutsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stage = await ScenarioStage.StartAsync(api,
            consumers => consumers.ArgumentsOf["iommu"] = ["--crash-after", DetachSpidCommand.MessageType], ct);

        var playing = GuestScenarios.FreeBeforeUnbind.Play(stage.Driver, stage.Steps, ct);
        var died = await stage.Consumers.WaitForExitAsync(stage.Cast.Iommu, ct);
        died.ShouldContain(line => line.Contains($"killing itself after {DetachSpidCommand.MessageType}", StringComparison.Ordinal));
        stage.Consumers.ArgumentsOf.Remove(stage.Cast.Iommu);
        await stage.StartConsumerAsync("iommu", stage.Cast.Iommu, null, ct);
        var h = await playing;

        var facts = new TimelineFacts(stage.Bus.Timeline.Events, h);
        await GuestScenarioChecks.ShouldHavePlayedAsync(GuestScenarios.FreeBeforeUnbind, stage, facts, h);
        facts.Puts.Count(holder => holder == stage.Cast.Iommu).ShouldBe(1);
        facts.CallersOf("ioasid.spid-detached.v1").ShouldBe([stage.Cast.Iommu]);
    }
}
