using PasidLedger.Api.Tests.Support;
using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// DOMAIN.md's guest-SVA lifecycles end to end: the service with its relay and bus endpoint, RabbitMQ, and IOMMU, KVM, VDCM
/// and VFIO each in its own <c>pasidledger consumer</c> process holding and releasing references over the bus. Each test
/// checks the refs sequence and the notification order DOMAIN.md gives, from the public events the ledger published, and
/// the consumers' own tables afterwards. KVM's put after UNBIND is a command over the bus here, not the kernel's
/// <c>put_locked</c> inside the chain, so which holder's put comes first may differ from the kernel; the refs values do not.
/// </summary>
public abstract class GuestScenarioSuite<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : BusLedgerApi
{
    private const string Alloc = GuestScenarioChecks.Alloc;
    private const string Bind = GuestScenarioChecks.Bind;
    private const string Unbind = GuestScenarioChecks.Unbind;
    private const string Free = GuestScenarioChecks.Free;

    [Fact]
    public async Task NormalFlow_HoldsAndReleasesAsS49_WithNoFree_AndLeavesEveryTableEmpty()
    {
        var (stage, facts, h) = await PlayAsync(GuestScenarios.NormalFlow);
        await using (stage)
        {
            facts.Refs.ShouldBe([1, 2, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0]);
            facts.Notifications.ShouldBe([Alloc, Bind, Unbind]);
            facts.Reclaims.ShouldBe(1);
            facts.Work.ShouldBe([$"queued:vdcm:dsa0:unbind:{h}.{facts.Generation}", $"completed:vdcm:dsa0:unbind:{h}.{facts.Generation}"]);
            facts.Puts.ShouldContain("kvm:A");
            await GuestScenarioChecks.ShouldHoldNothingAsync(stage);
        }
    }

    [Fact]
    public async Task FreeBeforeUnbind_ParksH_AndTheHoldersCleanupReclaimsIt_InQueueOrder()
    {
        var (stage, facts, h) = await PlayAsync(GuestScenarios.FreeBeforeUnbind);
        await using (stage)
        {
            await GuestScenarioChecks.FreeBeforeUnbindAsync(stage, facts, h);
        }
    }

    [Fact]
    public async Task Pattern3_FreeAfterBindWithoutDma_IsReclaimedByTheIommuCleanupAndKvmsPut()
    {
        var (stage, facts, h) = await PlayAsync(GuestScenarios.Pattern3);
        await using (stage)
        {
            facts.Refs.ShouldBe([1, 2, 3, 4, 3, 2, 1, 0]);
            facts.Notifications.ShouldBe([Alloc, Bind, Free, Unbind]);
            facts.Puts.Skip(1).ShouldBe(["iommu", "kvm:A"], ignoreOrder: true);
            facts.Work.ShouldContain($"completed:iommu:free:{h}.{facts.Generation}");
            await GuestScenarioChecks.ShouldHoldNothingAsync(stage);
            GuestScenarioChecks.StepOutcome(stage, "late unbind(H, dev1)").ShouldStartWith("refused");
        }
    }

    [Fact]
    public async Task VmKilled_KvmTornDownFirst_NoLaterNotificationReachesKvm_AndHIsReclaimed()
    {
        var (stage, facts, _) = await PlayAsync(GuestScenarios.VmKilled);
        await using (stage)
        {
            facts.Refs.ShouldBe([1, 2, 3, 4, 3, 4, 3, 2, 1, 0]);
            facts.Notifications.ShouldBe([Alloc, Bind, "FREE → iommu, vdcm:dsa0", "UNBIND → vdcm:dsa0"]);
            facts.Puts.Skip(1).ShouldBe(["kvm:A", "iommu", "vdcm:dsa0"]);
            stage.Bus.Timeline.Events.ShouldContain(e => e.Type == "set.destroyed.v1");
            await GuestScenarioChecks.ShouldHoldNothingAsync(stage);
            GuestScenarioChecks.StepOutcome(stage, "device close").ShouldStartWith("refused");
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
