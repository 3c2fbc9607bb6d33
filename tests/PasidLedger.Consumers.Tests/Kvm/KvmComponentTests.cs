using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Kvm;
using PasidLedger.Consumers.Tests.Iommu;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Consumers.Tests.Kvm;

public sealed class KvmComponentTests : IDisposable
{
    private const uint H = 7;
    private const uint G = 101;
    private readonly ScriptedLedger _ledger = new("kvm:A");
    private readonly TempStateDir _state = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unbind_RemovesTheEntryThenPuts_WithTheDeliverysId()
    {
        var kvm = Start();
        await kvm.OnNotificationAsync(Notified("bind"), Guid.NewGuid(), Ct);
        var unbind = Guid.NewGuid();

        await kvm.OnNotificationAsync(Notified("unbind"), unbind, Ct);

        kvm.Show().Holds.ShouldBeEmpty();
        _ledger.Types.ShouldBe([RegisterNotifierCommand.MessageType, ReleaseRefCommand.MessageType]);
        _ledger.Sent[^1].CommandId.ShouldBe(Ledger.CommandIds.For(unbind, "kvm:A", "put"));
    }

    [Fact]
    public async Task KilledBetweenRemovingTheEntryAndPutting_PutsOnceWhenStartedAgain()
    {
        var kvm = Start();
        await kvm.OnNotificationAsync(Notified("bind"), Guid.NewGuid(), Ct);
        var unbind = Guid.NewGuid();
        _ledger.CrashBefore = ReleaseRefCommand.MessageType;
        await Should.ThrowAsync<SimulatedCrashException>(() => kvm.OnNotificationAsync(Notified("unbind"), unbind, Ct));

        var restarted = Start();
        await restarted.OnNotificationAsync(Notified("unbind"), unbind, Ct);

        restarted.Show().Holds.ShouldBeEmpty();
        _ledger.Sent.Where(sent => sent.MessageType == ReleaseRefCommand.MessageType).Select(sent => sent.CommandId)
            .ShouldBe([Ledger.CommandIds.For(unbind, "kvm:A", "put")]);
        restarted.Show().Releases.Count.ShouldBe(1);
    }

    [Fact]
    public async Task BindThatWaitedPastTheTeardown_IsNotInstalled_AndItsReferenceIsPut()
    {
        var kvm = Start();
        await kvm.HandleAsync(new TearDownVm("host-a"), Guid.NewGuid(), Ct);
        var bind = Guid.NewGuid();

        await kvm.OnNotificationAsync(Notified("bind"), bind, Ct);

        kvm.Show().Holds.ShouldBeEmpty();
        _ledger.Sent[^1].MessageType.ShouldBe(ReleaseRefCommand.MessageType);
        _ledger.Sent[^1].CommandId.ShouldBe(Ledger.CommandIds.For(bind, "kvm:A", "put"));
    }

    [Fact]
    public void KilledAfterRegisteringBeforeSavingTheId_RegistersAgainWithTheSameId()
    {
        _ledger.CrashAfter = RegisterNotifierCommand.MessageType;
        Should.Throw<SimulatedCrashException>(() => Start());

        Start();

        var registrations = _ledger.Sent.Where(sent => sent.MessageType == RegisterNotifierCommand.MessageType).Select(sent => sent.CommandId).ToList();
        registrations.Count.ShouldBe(2);
        registrations.Distinct().ShouldHaveSingleItem();
    }

    public void Dispose() => _state.Dispose();

    private KvmComponent Start()
    {
        var kvm = new KvmComponent(_ledger, _state.File<KvmMemory>(), new ComponentOptions("mm:A"), NullLogger<KvmComponent>.Instance);
        kvm.StartAsync(Ct).GetAwaiter().GetResult();
        return kvm;
    }

    private static Notification Notified(string kind) =>
        new(kind, "host-a", 9, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, H, 1, G, 3, null, "kvm:A", 1, 2);
}
