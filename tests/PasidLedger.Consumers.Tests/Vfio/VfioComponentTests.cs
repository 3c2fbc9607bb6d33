using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Iommu;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.Tests.Iommu;
using PasidLedger.Consumers.Vfio;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Consumers.Tests.Vfio;

/// <summary>VFIO as pure transport (DOMAIN.md 4.8, 5.5 steps 5–15, 5.7 e): get_if_owned, the IOMMU's answer, put.</summary>
public sealed class VfioComponentTests : IDisposable
{
    private const uint H = 42;
    private const uint G = 101;
    private readonly TempStateDir _state = new();
    private readonly ScriptedLedger _ledger = new("vfio:A", generation: 3);
    private readonly RecordingIommuDriver _iommu = new();
    private readonly VfioComponent _vfio;

    public VfioComponentTests() => _vfio = Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BindGuestPasid_ChecksOwnership_BindsThroughTheIommuWithTheLedgersGeneration_ThenPuts()
    {
        var request = Guid.NewGuid();

        var result = await _vfio.HandleAsync(new BindGuestPasid(H, G, "dev1"), request, Ct);

        result.ShouldBe(ControlResult.Done());
        _ledger.Sent.Select(sent => sent.Command).ShouldBe(
            [new AcquireRefIfOwnedCommand("host-a", H, "vfio:A"), new ReleaseRefCommand("host-a", H, "vfio:A", null, 3)]);
        _ledger.Sent.Select(sent => sent.CommandId).ShouldBe(Ids(request, "get-if-owned", "put"));
        _iommu.Requests.ShouldBe([new BindDevice(H, 3, G, "dev1")]);
        _vfio.Show().Holds.ShouldBeEmpty();
        _vfio.Show().Releases.ShouldHaveSingleItem().Id.ShouldBe(H);
    }

    [Fact]
    public async Task IommuRefusesTheBind_VfioStillPuts_AndAnswersTheIommusRefusal()
    {
        _iommu.Answer = ControlResult.Refused("SpidCollision", -22, "guest PASID taken");

        var result = await _vfio.HandleAsync(new BindGuestPasid(H, G, "dev1"), Guid.NewGuid(), Ct);

        result.ShouldBe(_iommu.Answer);
        _ledger.Types.ShouldBe([AcquireRefIfOwnedCommand.MessageType, ReleaseRefCommand.MessageType]);
        _ledger.RefsHeldBy(H, "vfio:A").ShouldBe(0);
    }

    [Theory]
    [InlineData("NotOwner", -1)]
    [InlineData("UnknownId", -2)]
    [InlineData("FreePending", -16)]
    public async Task GetIfOwnedRefused_AnswersTheLedgersRefusal_WithoutCallingTheIommuOrPutting(string reason, int errno)
    {
        _ledger.Refuse(AcquireRefIfOwnedCommand.MessageType, reason, errno);

        var bind = await _vfio.HandleAsync(new BindGuestPasid(H, G, "dev1"), Guid.NewGuid(), Ct);
        var unbind = await _vfio.HandleAsync(new UnbindGuestPasid(H, "dev1"), Guid.NewGuid(), Ct);

        bind.ShouldBe(ControlResult.Refused(reason, errno, "refused by the test"));
        unbind.ShouldBe(bind);
        _ledger.Types.ShouldBe([AcquireRefIfOwnedCommand.MessageType, AcquireRefIfOwnedCommand.MessageType]);
        _iommu.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnbindGuestPasid_ChecksOwnership_UnbindsThroughTheIommu_ThenPuts()
    {
        var request = Guid.NewGuid();

        var result = await _vfio.HandleAsync(new UnbindGuestPasid(H, "dev1"), request, Ct);

        result.Ok.ShouldBeTrue();
        _ledger.Sent.Select(sent => sent.CommandId).ShouldBe(Ids(request, "get-if-owned", "put"));
        _iommu.Requests.ShouldBe([new UnbindDevice(H, 3, "dev1")]);
    }

    [Fact]
    public async Task TwoDevicesBoundAndUnboundThroughTheIommu_OneBindOneUnbind_AndTheIommuHoldsOneReference()
    {
        var iommuLedger = new ScriptedLedger("iommu", generation: 3);
        using var iommuState = new TempStateDir();
        var iommu = new IommuComponent(iommuLedger, iommuState.File<IommuMemory>(), NullLogger<IommuComponent>.Instance);
        _iommu.Forward = request => request switch
        {
            BindDevice bind => iommu.HandleAsync(bind, Guid.NewGuid(), Ct),
            UnbindDevice unbind => iommu.HandleAsync(unbind, Guid.NewGuid(), Ct),
            _ => throw new InvalidOperationException($"unexpected {request}"),
        };

        await _vfio.HandleAsync(new BindGuestPasid(H, G, "dev1"), Guid.NewGuid(), Ct);
        await _vfio.HandleAsync(new BindGuestPasid(H, G, "dev2"), Guid.NewGuid(), Ct);
        iommuLedger.RefsHeldBy(H, "iommu").ShouldBe(1);
        await _vfio.HandleAsync(new UnbindGuestPasid(H, "dev1"), Guid.NewGuid(), Ct);
        await _vfio.HandleAsync(new UnbindGuestPasid(H, "dev2"), Guid.NewGuid(), Ct);

        iommuLedger.Types.Count(type => type == AttachSpidCommand.MessageType).ShouldBe(1);
        iommuLedger.Types.Count(type => type == DetachSpidCommand.MessageType).ShouldBe(1);
        iommuLedger.RefsHeldBy(H, "iommu").ShouldBe(0);
        _ledger.RefsHeldBy(H, "vfio:A").ShouldBe(0);
    }

    [Fact]
    public async Task RestartAfterACrashMidCall_PutsTheReferenceLeftInFlight_WithTheCallsOwnId()
    {
        var request = Guid.NewGuid();
        _ledger.CrashBefore = ReleaseRefCommand.MessageType;
        await Should.ThrowAsync<SimulatedCrashException>(() => _vfio.HandleAsync(new BindGuestPasid(H, G, "dev1"), request, Ct));

        var restarted = Start();
        restarted.Show().Holds.ShouldHaveSingleItem().Id.ShouldBe(H);
        await restarted.StartAsync(Ct);

        _ledger.Sent.Select(sent => sent.CommandId).ShouldBe(Ids(request, "get-if-owned", "put"));
        _ledger.RefsHeldBy(H, "vfio:A").ShouldBe(0);
        restarted.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task IommuCallThatFails_StillPutsTheCallsReference()
    {
        var request = Guid.NewGuid();
        _iommu.Forward = _ => throw new InvalidOperationException("the IOMMU handler threw");

        await Should.ThrowAsync<InvalidOperationException>(() => _vfio.HandleAsync(new BindGuestPasid(H, G, "dev1"), request, Ct));

        _ledger.Sent.Select(sent => sent.CommandId).ShouldBe(Ids(request, "get-if-owned", "put"));
        _ledger.RefsHeldBy(H, "vfio:A").ShouldBe(0);
        _vfio.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task StartWithoutTheVmsMm_Fails()
    {
        var vfio = new VfioComponent(_ledger, _state.File<VfioMemory>(), new ComponentOptions(null), _iommu, NullLogger<VfioComponent>.Instance);

        await Should.ThrowAsync<InvalidOperationException>(() => vfio.StartAsync(Ct));
    }

    public void Dispose() => _state.Dispose();

    private VfioComponent Start() =>
        new(_ledger, _state.File<VfioMemory>(), new ComponentOptions("mm:A"), _iommu, NullLogger<VfioComponent>.Instance);

    private static Guid[] Ids(Guid cause, params string[] steps) => [.. steps.Select(step => CommandIds.For(cause, "vfio:A", step))];
}
