using PasidLedger.Api.Tests.Support;
using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// S48 over the bus: VM B's VFIO asks to bind VM A's host PASID. Its <c>get_if_owned</c> runs as <c>mm:B</c> (the token
/// of <c>vfio:B</c> acts for it), which does not own A's set: -EPERM, no BIND, no reference taken, no PASID entry.
/// </summary>
public sealed class ForeignBindTests(BusLedgerApi api) : IClassFixture<BusLedgerApi>
{
    [Fact]
    public async Task BindByAnotherVmsVfio_IsRefusedEperm_WithNoBindNoReferenceAndNoEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stage = await ScenarioStage.StartAsync(api, ct);
        await stage.Steps.StepAsync("QEMU A", "open /dev/ioasid", () => stage.Driver.OpenSetAsync(ct), ct);
        var h = (await stage.Steps.StepAsync("QEMU A", "REQUEST_ALLOC", () => stage.Driver.AllocateAsync(ct), ct)).Ioasid!.Id;
        var vmB = stage.Cast with { Vm = "B" };
        await stage.StartConsumerAsync("vfio", vmB.Vfio, vmB.Mm, ct);

        var refused = await stage.Steps.StepAsync("VFIO B", "bind(H of A, G, dev1)", () => new GuestDriver(stage.Bus, vmB).BindAsync(h, GuestScenarios.Gpasid, "dev1", ct), ct);

        refused.Ok.ShouldBeFalse();
        refused.Errno.ShouldBe(-1);
        var facts = new TimelineFacts(stage.Bus.Timeline.Events, h);
        facts.Refs.ShouldBe([1]);
        facts.Notifications.ShouldBe(["ALLOC → kvm:A, vdcm:dsa0"]);
        (await stage.Driver.ShowAsync(stage.Cast.Iommu, ct)).Holds.ShouldBeEmpty();
    }
}
