using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// What each guest-SVA scenario must have done, whatever ran it (<see cref="GuestScenarioSuite{TApi}"/>, the fault tests):
/// the refs sequence and the notification order DOMAIN.md gives, from the public events the ledger published, and the
/// consumers' own tables afterwards. KVM's put after UNBIND is a command over the bus here, not the kernel's
/// <c>put_locked</c> inside the chain, so which holder's put comes first may differ from the kernel; the refs values do not.
/// </summary>
public static class GuestScenarioChecks
{
    private const string Alloc = "ALLOC → kvm:A, vdcm:dsa0";
    private const string Bind = "BIND → kvm:A, vdcm:dsa0";
    private const string Unbind = "UNBIND → kvm:A, vdcm:dsa0";
    private const string Free = "FREE → iommu, kvm:A, vdcm:dsa0";

    /// <summary>Checks <paramref name="scenario"/>'s facts about H (<paramref name="h"/>) and the stage it played on.</summary>
    public static Task ShouldHavePlayedAsync(GuestScenario scenario, ScenarioStage stage, TimelineFacts facts, uint h)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(facts);
        return scenario.Name switch
        {
            "normal" => NormalFlowAsync(stage, facts, h),
            "free-before-unbind" => FreeBeforeUnbindAsync(stage, facts, h),
            "pattern-3" => Pattern3Async(stage, facts, h),
            "vm-killed" => VmKilledAsync(stage, facts),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Name, "no checks for this scenario"),
        };
    }

    private static async Task NormalFlowAsync(ScenarioStage stage, TimelineFacts facts, uint h)
    {
        facts.Refs.ShouldBe([1, 2, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0]);
        facts.Notifications.ShouldBe([Alloc, Bind, Unbind]);
        facts.Reclaims.ShouldBe(1);
        facts.Work.ShouldBe([$"queued:vdcm:dsa0:unbind:{h}.{facts.Generation}", $"completed:vdcm:dsa0:unbind:{h}.{facts.Generation}"]);
        facts.Puts.ShouldContain("kvm:A");
        await stage.ShouldHoldNothingAsync();
    }

    private static async Task FreeBeforeUnbindAsync(ScenarioStage stage, TimelineFacts facts, uint h)
    {
        facts.Refs.ShouldBe([1, 2, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0]);
        facts.Notifications.ShouldBe([Alloc, Bind, Free, Unbind]);
        facts.CallersOf("ioasid.spid-detached.v1").ShouldBe(["iommu"]);
        var w1 = $"iommu:free:{h}.{facts.Generation}";
        var w2 = $"vdcm:dsa0:unbind:{h}.{facts.Generation}";
        facts.Work.ShouldBe([$"queued:{w1}", $"queued:{w2}", $"completed:{w1}", $"completed:{w2}"]);
        facts.Puts.Take(2).ShouldBe(["vfio:A", "vfio:A"]);
        facts.Puts.Skip(2).ShouldBe(["iommu", "kvm:A", "vdcm:dsa0"], ignoreOrder: true);
        facts.Puts.ToList().IndexOf("iommu").ShouldBeLessThan(facts.Puts.ToList().IndexOf("vdcm:dsa0"), "W1 (IOMMU) completes before W2 (VDCM) runs");
        await stage.ShouldHoldNothingAsync();
        StepOutcome(stage, "late unbind(H, dev1)").ShouldStartWith("refused");
        StepOutcome(stage, "writes G into wq0 again").ShouldStartWith("refused");
    }

    private static async Task Pattern3Async(ScenarioStage stage, TimelineFacts facts, uint h)
    {
        facts.Refs.ShouldBe([1, 2, 3, 4, 3, 2, 1, 0]);
        facts.Notifications.ShouldBe([Alloc, Bind, Free, Unbind]);
        facts.Puts.Skip(1).ShouldBe(["iommu", "kvm:A"], ignoreOrder: true);
        facts.Work.ShouldContain($"completed:iommu:free:{h}.{facts.Generation}");
        await stage.ShouldHoldNothingAsync();
        StepOutcome(stage, "late unbind(H, dev1)").ShouldStartWith("refused");
    }

    private static async Task VmKilledAsync(ScenarioStage stage, TimelineFacts facts)
    {
        facts.Refs.ShouldBe([1, 2, 3, 4, 3, 4, 3, 2, 1, 0]);
        facts.Notifications.ShouldBe([Alloc, Bind, "FREE → iommu, vdcm:dsa0", "UNBIND → vdcm:dsa0"]);
        facts.Puts.Skip(1).ShouldBe(["kvm:A", "iommu", "vdcm:dsa0"]);
        stage.Bus.Timeline.Events.ShouldContain(e => e.Type == "set.destroyed.v1");
        await stage.ShouldHoldNothingAsync();
        StepOutcome(stage, "device close").ShouldStartWith("refused");
    }

    private static string StepOutcome(ScenarioStage stage, string action) => stage.Steps.Steps.Last(step => step.Action.StartsWith(action, StringComparison.Ordinal)).Outcome;
}
