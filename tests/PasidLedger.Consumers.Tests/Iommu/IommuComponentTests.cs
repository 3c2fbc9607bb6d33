using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Iommu;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Consumers.Tests.Iommu;

/// <summary>The VT-d driver's guest bind, unbind and FREE cleanup (DOMAIN.md 4.8, 5.5, 5.7; S54) against the ledger in process.</summary>
public sealed class IommuComponentTests : IDisposable
{
    private const uint H = 42;
    private const uint G = 101;
    private readonly TempStateDir _state = new();
    private readonly ScriptedLedger _ledger = new("iommu");
    private readonly IommuComponent _iommu;

    public IommuComponentTests() => _iommu = Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_RegistersOnTheGlobalChainAtPriorityIommu_WithCleanupQueuedOnFree()
    {
        await _iommu.StartAsync(Ct);
        await Start().StartAsync(Ct);

        var register = _ledger.Sent.ShouldHaveSingleItem().Command.ShouldBeOfType<RegisterNotifierCommand>();
        register.ShouldBe(register with { Scope = "global", Token = null, Priority = "iommu", Name = "iommu" });
        register.Reactions.ShouldBe([new Reaction("free", "queueWork", null)]);
    }

    [Fact]
    public async Task FirstDeviceBind_AttachesSpidThenDataThenGets()
    {
        var request = Guid.NewGuid();

        var result = await _iommu.HandleAsync(new BindDevice(H, 1, G, "dev1"), request, Ct);

        result.ShouldBe(ControlResult.Done(H));
        _ledger.Sent.Select(sent => sent.Command).ShouldBe(
        [
            new AttachSpidCommand("host-a", H, G, 1),
            new AttachPrivateCommand("host-a", H, $"svm:{H}", 1),
            new AcquireRefCommand("host-a", H, "iommu", null, 1),
        ]);
        _ledger.Sent.Select(sent => sent.CommandId).ShouldBe(Ids(request, "attach-spid", "attach-data", "get"));
        Tables().ShouldBe(["pasid-table: dev1", "bind-records: 42"]);
    }

    [Fact]
    public async Task SecondDeviceOnTheSameHostPasid_SendsNoCommand_NoSecondBindNorReference()
    {
        await BindAsync("dev1");
        var sent = _ledger.Sent.Count;

        var result = await _iommu.HandleAsync(new BindDevice(H, 1, G, "dev2"), Guid.NewGuid(), Ct);

        result.Ok.ShouldBeTrue();
        _ledger.Sent.Count.ShouldBe(sent);
        _ledger.RefsHeldBy(H, "iommu").ShouldBe(1);
        Tables().ShouldBe(["pasid-table: dev1", "pasid-table: dev2", "bind-records: 42"]);
    }

    [Fact]
    public async Task SameDeviceBoundTwice_AnswersOk_AndChangesNothing()
    {
        await BindAsync("dev1");
        var before = _iommu.Show();

        var result = await _iommu.HandleAsync(new BindDevice(H, 1, G, "dev1"), Guid.NewGuid(), Ct);

        result.ShouldBe(ControlResult.Done(H));
        _ledger.Sent.Count.ShouldBe(3);
        _iommu.Show().Holds.ShouldBe(before.Holds);
    }

    [Fact]
    public async Task LastDeviceUnbind_DetachesSpidThenDataThenPuts_AndDropsTheRecord()
    {
        await BindAsync("dev1", "dev2");
        await _iommu.HandleAsync(new UnbindDevice(H, 1, "dev2"), Guid.NewGuid(), Ct);
        _ledger.Sent.Count.ShouldBe(3);
        var request = Guid.NewGuid();

        var result = await _iommu.HandleAsync(new UnbindDevice(H, 1, "dev1"), request, Ct);

        result.Ok.ShouldBeTrue();
        _ledger.Sent.Skip(3).Select(sent => sent.Command).ShouldBe(
        [
            new DetachSpidCommand("host-a", H, 1),
            new DetachPrivateCommand("host-a", H, 1),
            new ReleaseRefCommand("host-a", H, "iommu", null, 1),
        ]);
        _ledger.Sent.Skip(3).Select(sent => sent.CommandId).ShouldBe(Ids(request, "detach-spid", "detach-data", "put"));
        _ledger.RefsHeldBy(H, "iommu").ShouldBe(0);
        _iommu.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnbindWithNoRecord_AnswersOk_AndSendsNothing()
    {
        var result = await _iommu.HandleAsync(new UnbindDevice(H, 1, "dev1"), Guid.NewGuid(), Ct);

        result.Ok.ShouldBeTrue();
        _ledger.Sent.ShouldBeEmpty();
        _iommu.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetRefusedAtTheFirstBind_DetachesWhatWasAttached_PutsNothing_AndAnswersTheLedgersReason()
    {
        _ledger.Refuse(AcquireRefCommand.MessageType, "FreePending", -16);
        var request = Guid.NewGuid();

        var result = await _iommu.HandleAsync(new BindDevice(H, 1, G, "dev1"), request, Ct);

        result.ShouldBe(ControlResult.Refused("FreePending", -16, "refused by the test"));
        _ledger.Types.ShouldBe(
        [
            AttachSpidCommand.MessageType, AttachPrivateCommand.MessageType, AcquireRefCommand.MessageType,
            DetachSpidCommand.MessageType, DetachPrivateCommand.MessageType,
        ]);
        _iommu.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task AttachSpidRefused_SendsNothingElse_AndKeepsNoRecord()
    {
        _ledger.Refuse(AttachSpidCommand.MessageType, "SpidCollision", -22);

        var result = await _iommu.HandleAsync(new BindDevice(H, 1, G, "dev1"), Guid.NewGuid(), Ct);

        result.Errno.ShouldBe(-22);
        _ledger.Types.ShouldBe([AttachSpidCommand.MessageType]);
        _iommu.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task FreeNotification_SendsNothing_TheLedgerQueuedTheCleanupInTheChain()
    {
        await BindAsync("dev1");

        await _iommu.OnNotificationAsync(Free(H, 1, $"svm:{H}"), Guid.NewGuid(), Ct);
        await _iommu.OnNotificationAsync(Free(7, 1, null), Guid.NewGuid(), Ct);

        _ledger.Sent.Count.ShouldBe(3);
        Tables().ShouldBe(["pasid-table: dev1", "bind-records: 42"]);
    }

    [Fact]
    public async Task FreeCleanup_TearsDownEveryDeviceEntry_ThenDetachesSpidThenDataThenPuts()
    {
        await BindAsync("dev1", "dev2");
        var delivery = Guid.NewGuid();

        await _iommu.RunWorkAsync(Cleanup(H, 1), delivery, Ct);

        _ledger.Types.Skip(3).ShouldBe([DetachSpidCommand.MessageType, DetachPrivateCommand.MessageType, ReleaseRefCommand.MessageType]);
        _ledger.Sent.Skip(3).Select(sent => sent.CommandId).ShouldBe(Ids(delivery, "detach-spid", "detach-data", "put"));
        _iommu.Show().Holds.ShouldBeEmpty();
        _iommu.Show().Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task CleanupCutShortByACrash_RunAgainAfterARestart_SendsTheSameIds_AndPutsOnce()
    {
        await BindAsync("dev1");
        var delivery = Guid.NewGuid();
        _ledger.CrashAfter = DetachPrivateCommand.MessageType;
        await Should.ThrowAsync<SimulatedCrashException>(() => _iommu.RunWorkAsync(Cleanup(H, 1), delivery, Ct));

        await Start().RunWorkAsync(Cleanup(H, 1), delivery, Ct);

        _ledger.Types.Skip(3).ShouldBe(
            [DetachSpidCommand.MessageType, DetachPrivateCommand.MessageType, DetachPrivateCommand.MessageType, ReleaseRefCommand.MessageType]);
        _ledger.Sent.Skip(3).Select(sent => sent.CommandId).ShouldBe(Ids(delivery, "detach-spid", "detach-data", "detach-data", "put"));
        _ledger.RefsHeldBy(H, "iommu").ShouldBe(0);
    }

    [Fact]
    public async Task KilledInTheLastUnbindsTeardown_FinishesItWhenStartedAgain_WithNoOtherMessage()
    {
        await BindAsync("dev1");
        var unbind = Guid.NewGuid();
        _ledger.CrashAfter = DetachSpidCommand.MessageType;
        await Should.ThrowAsync<SimulatedCrashException>(() => _iommu.HandleAsync(new UnbindDevice(H, 1, "dev1"), unbind, Ct));

        var restarted = Start();
        await restarted.StartAsync(Ct);

        _ledger.Sent.Where(sent => sent.MessageType != RegisterNotifierCommand.MessageType).Skip(3).Select(sent => sent.CommandId)
            .ShouldBe(Ids(unbind, "detach-spid", "detach-spid", "detach-data", "put")); // the answered detach_spid again, same id: the ledger replays it
        _ledger.RefsHeldBy(H, "iommu").ShouldBe(0);
        restarted.Show().Holds.ShouldBeEmpty();
    }

    [Fact]
    public async Task CleanupAfterTheLastUnbind_FindsNoRecord_AndSendsNothing()
    {
        await BindAsync("dev1");
        await _iommu.HandleAsync(new UnbindDevice(H, 1, "dev1"), Guid.NewGuid(), Ct);

        await _iommu.RunWorkAsync(Cleanup(H, 1), Guid.NewGuid(), Ct);

        _ledger.Sent.Count.ShouldBe(6);
    }

    [Fact]
    public async Task CleanupOfAnOlderGeneration_LeavesTheNewerBindAlone()
    {
        await _iommu.HandleAsync(new BindDevice(H, 2, G, "dev1"), Guid.NewGuid(), Ct);

        await _iommu.RunWorkAsync(Cleanup(H, 1), Guid.NewGuid(), Ct);

        _ledger.Sent.Count.ShouldBe(3);
        Tables().ShouldBe(["pasid-table: dev1", "bind-records: 42"]);
    }

    [Fact]
    public async Task RestartedDriver_ReloadsItsRecords_AndUnbindsTheLastDeviceFromThem()
    {
        await BindAsync("dev1", "dev2");

        var restarted = Start();
        restarted.Show().Holds.ShouldBe(_iommu.Show().Holds);
        await restarted.HandleAsync(new UnbindDevice(H, 1, "dev1"), Guid.NewGuid(), Ct);
        await restarted.HandleAsync(new UnbindDevice(H, 1, "dev2"), Guid.NewGuid(), Ct);

        _ledger.Types.Skip(3).ShouldBe([DetachSpidCommand.MessageType, DetachPrivateCommand.MessageType, ReleaseRefCommand.MessageType]);
    }

    public void Dispose() => _state.Dispose();

    private IommuComponent Start() => new(_ledger, _state.File<IommuMemory>(), NullLogger<IommuComponent>.Instance);

    private async Task BindAsync(params string[] devices)
    {
        foreach (var device in devices)
        {
            (await _iommu.HandleAsync(new BindDevice(H, 1, G, device), Guid.NewGuid(), Ct)).Ok.ShouldBeTrue();
        }
    }

    private string[] Tables() => [.. _iommu.Show().Holds.Select(held => $"{held.Table}: {held.Entry.Split(':')[0]}")];

    private static Guid[] Ids(Guid cause, params string[] steps) => [.. steps.Select(step => CommandIds.For(cause, "iommu", step))];

    private static Notification Free(uint id, int generation, string? data) =>
        new("free", "host-a", 50, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, id, generation, G, 3, data, "iommu", 1, 3);

    private static RunWork Cleanup(uint id, int generation) =>
        new("host-a", $"iommu:free:{id}.{generation}", id, "free", "iommu", Guid.NewGuid(), 57);
}
