using PasidLedger.Api.Tests.Support;
using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// DOMAIN.md's guest-SVA lifecycles end to end: the service with its relay and bus endpoint, RabbitMQ, and IOMMU, KVM, VDCM
/// and VFIO each in its own <c>pasidledger consumer</c> process holding and releasing references over the bus. Each test
/// checks what <see cref="GuestScenarioChecks"/> expects of its scenario.
/// </summary>
public abstract class GuestScenarioSuite<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : BusLedgerApi
{
    [Fact]
    public Task NormalFlow_HoldsAndReleasesAsS49_WithNoFree_AndLeavesEveryTableEmpty() => PlayAndCheckAsync(GuestScenarios.NormalFlow);

    [Fact]
    public Task FreeBeforeUnbind_ParksH_AndTheHoldersCleanupReclaimsIt_InQueueOrder() => PlayAndCheckAsync(GuestScenarios.FreeBeforeUnbind);

    [Fact]
    public Task Pattern3_FreeAfterBindWithoutDma_IsReclaimedByTheIommuCleanupAndKvmsPut() => PlayAndCheckAsync(GuestScenarios.Pattern3);

    [Fact]
    public Task VmKilled_KvmTornDownFirst_NoLaterNotificationReachesKvm_AndHIsReclaimed() => PlayAndCheckAsync(GuestScenarios.VmKilled);

    private async Task PlayAndCheckAsync(GuestScenario scenario)
    {
        var (stage, facts, h) = await PlayAsync(scenario);
        await using (stage)
        {
            await GuestScenarioChecks.ShouldHavePlayedAsync(scenario, stage, facts, h);
        }
    }

    private async Task<(ScenarioStage Stage, TimelineFacts Facts, uint H)> PlayAsync(GuestScenario scenario)
    {
        var ct = TestContext.Current.CancellationToken;
        var stage = await ScenarioStage.StartAsync(api, ct);
        var h = await scenario.Play(stage.Driver, stage.Steps, ct);
        CheckDelivery(stage);
        return (stage, new TimelineFacts(stage.Bus.Timeline.Events, h), h);
    }

    /// <summary>What the configuration adds to every scenario's checks.</summary>
    protected virtual void CheckDelivery(ScenarioStage stage)
    {
    }
}

/// <summary>The scenarios as they run: each message delivered once.</summary>
public sealed class GuestScenarioTests(BusLedgerApi api) : GuestScenarioSuite<BusLedgerApi>(api);

/// <summary>
/// The same scenarios with every message the relay sends delivered twice (same message id): the same refs, notifications
/// and final tables, no reference released twice, and each consumer shows it dropped the repeats.
/// </summary>
public sealed class TwiceDeliveredScenarioTests(TwiceDeliveringLedgerApi api) : GuestScenarioSuite<TwiceDeliveringLedgerApi>(api)
{
    protected override void CheckDelivery(ScenarioStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        foreach (var name in new[] { stage.Cast.Kvm, stage.Cast.Vdcm })
        {
            stage.Consumers.Output(name).ShouldContain(line => line.Contains("dropped", StringComparison.Ordinal), $"{name} saw no repeated delivery");
        }
    }
}
