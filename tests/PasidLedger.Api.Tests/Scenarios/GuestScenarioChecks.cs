using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>What a played scenario must show, whatever happened to the bus while it played: the refs, notifications,
/// work and puts DOMAIN.md gives, the safety checker's verdict and every consumer's tables empty.</summary>
public static class GuestScenarioChecks
{
    public const string Alloc = "ALLOC → kvm:A, vdcm:dsa0";
    public const string Bind = "BIND → kvm:A, vdcm:dsa0";
    public const string Unbind = "UNBIND → kvm:A, vdcm:dsa0";
    public const string Free = "FREE → iommu, kvm:A, vdcm:dsa0";

    /// <summary>DOMAIN.md 5.7: H parked by the free, reclaimed by the holders' cleanup in queue order, the late steps refused.</summary>
    public static async Task FreeBeforeUnbindAsync(ScenarioStage stage, TimelineFacts facts, uint h)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(facts);
        facts.Refs.ShouldBe([1, 2, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0]);
        facts.Notifications.ShouldBe([Alloc, Bind, Free, Unbind]);
        facts.CallersOf("ioasid.spid-detached.v1").ShouldBe(["iommu"]);
        var w1 = $"iommu:free:{h}.{facts.Generation}";
        var w2 = $"vdcm:dsa0:unbind:{h}.{facts.Generation}";
        facts.Work.ShouldBe([$"queued:{w1}", $"queued:{w2}", $"completed:{w1}", $"completed:{w2}"]);
        facts.Puts.Take(2).ShouldBe(["vfio:A", "vfio:A"]);
        facts.Puts.Skip(2).ShouldBe(["iommu", "kvm:A", "vdcm:dsa0"], ignoreOrder: true);
        facts.Puts.ToList().IndexOf("iommu").ShouldBeLessThan(facts.Puts.ToList().IndexOf("vdcm:dsa0"), "W1 (IOMMU) completes before W2 (VDCM) runs");
        await ShouldHoldNothingAsync(stage);
        StepOutcome(stage, "late unbind(H, dev1)").ShouldStartWith("refused");
        StepOutcome(stage, "writes G into wq0 again").ShouldStartWith("refused");
    }

    /// <summary>The outcome of the last step whose action starts with <paramref name="action"/>.</summary>
    public static string StepOutcome(ScenarioStage stage, string action)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Steps.Steps.Last(step => step.Action.StartsWith(action, StringComparison.Ordinal)).Outcome;
    }

    /// <summary>Every reclaim checked with no violation, and no consumer holding anything.</summary>
    public static async Task ShouldHoldNothingAsync(ScenarioStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var reclaims = stage.Bus.Timeline.Events.Count(e => e.Type == "ioasid.reclaimed.v1");
        await Poll.UntilAsync(() => Task.FromResult(stage.Watch.Checked >= reclaims), "the safety checker to check every reclaim", TestContext.Current.CancellationToken);
        stage.Safety.Violations.ShouldBeEmpty();
        foreach (var name in stage.Cast.Components)
        {
            (await stage.Driver.ShowAsync(name, TestContext.Current.CancellationToken)).Holds.ShouldBeEmpty($"{name} still holds");
        }
    }
}
