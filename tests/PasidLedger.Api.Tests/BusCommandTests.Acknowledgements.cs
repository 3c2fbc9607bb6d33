using PasidLedger.Api.Tests.Support;
using PasidLedger.Contracts.V1;
using PasidLedger.Postgres.Relay;
using DomainEvents = PasidLedger.Domain.Events;

namespace PasidLedger.Api.Tests;

/// <summary>
/// <c>command.acknowledge-notification.v1</c> (issue 11): a recipient acknowledges the ALLOC notification an allocation
/// published, once per notification and recipient whatever the message id; unknown notifications, recipients and
/// other principals' names are refused and append nothing.
/// </summary>
public sealed partial class BusCommandTests
{
    private const string Kvm = "kvm:A";
    private const string Vdcm = "vdcm:A";
    private const string KvmForA = "kvm:A for mm:A";

    [Fact]
    public async Task TheRecipientAcknowledgingANotification_IsRecordedOnce_AndARepeatUnderAnotherMessageId_IsReplayed()
    {
        var (pool, alloc) = await AllocationNotifyingKvmAndVdcmAsync();
        var footprint = await pool.FootprintAsync();

        var first = (await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, alloc.EventId, Kvm), KvmForA, "ack-1")).Body;

        ShouldBeOk(first, pool.Name, AcknowledgeNotificationCommand.MessageType);
        first.Str("commandId").ShouldBe("ack-1");
        first.GetProperty("replayed").GetBoolean().ShouldBeFalse();
        first.Number("version").ShouldBe(alloc.Version + 1);
        (await pool.FootprintAsync()).Events.ShouldBe(footprint.Events + 1);
        var recorded = (await ReadAsync(pool, alloc.Version)).ShouldHaveSingleItem();
        recorded.Caller.ShouldBe(Kvm);
        recorded.Event.ShouldBe(new DomainEvents.NotificationAcknowledged(alloc.EventId, alloc.Version, Kvm, Domain.Model.NotificationKind.Alloc,
            ((DomainEvents.NotificationPublished)alloc.Event).Id, 1));
        var acknowledged = await pool.FootprintAsync();

        var again = (await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, alloc.EventId, Kvm), KvmForA, "ack-2")).Body;

        ShouldBeOk(again, pool.Name, AcknowledgeNotificationCommand.MessageType);
        again.Str("commandId").ShouldBe("ack-2");
        again.GetProperty("replayed").GetBoolean().ShouldBeTrue();
        again.Number("version").ShouldBe(first.Number("version"));
        (await pool.FootprintAsync()).ShouldBe(acknowledged);
    }

    [Fact]
    public async Task AnUnknownNotification_AStrangerAsRecipient_OrAnotherPrincipalsName_IsRefused_AndAppendsNothing()
    {
        var (pool, alloc) = await AllocationNotifyingKvmAndVdcmAsync();
        var allocated = (await ReadAsync(pool, 0)).Single(e => e.Event is DomainEvents.IoasidAllocated);
        var footprint = await pool.FootprintAsync();

        ShouldBeFailed((await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, Guid.NewGuid(), Kvm), KvmForA)).Body, "UnknownNotification", -2);
        ShouldBeFailed((await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, allocated.EventId, Kvm), KvmForA)).Body, "UnknownNotification", -2);
        ShouldBeFailed((await SendAsync(AcknowledgeNotificationCommand.MessageType, new { pool = $"p-{Guid.NewGuid():N}", eventId = alloc.EventId, recipient = Kvm },
            KvmForA)).Body, "UnknownNotification", -2);
        ShouldBeFailed((await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, alloc.EventId, "kvm:nobody"), "kvm:nobody")).Body, "InvalidArgument", -22);
        ShouldBeFailed((await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, alloc.EventId, Kvm), $"{Vdcm} for mm:A")).Body, "Forbidden", -1);
        ShouldBeFailed((await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, alloc.EventId, Kvm), "auditor:ann")).Body, "Forbidden", -1);
        (await pool.FootprintAsync()).ShouldBe(footprint);

        var own = (await SendAsync(AcknowledgeNotificationCommand.MessageType, Ack(pool, alloc.EventId, Kvm), KvmForA)).Body;
        ShouldBeOk(own, pool.Name, AcknowledgeNotificationCommand.MessageType);
        own.GetProperty("replayed").GetBoolean().ShouldBeFalse("a refused acknowledgement keeps nothing under the notification's key");
    }

    private static object Ack(PoolClient pool, Guid eventId, string recipient) => new { pool = pool.Name, eventId, recipient };

    /// <summary>KVM and VDCM of VM A registered by its mm, then an allocation in A's set: its ALLOC notification, as stored.</summary>
    private async Task<(PoolClient Pool, Application.Ports.RecordedEvent Alloc)> AllocationNotifyingKvmAndVdcmAsync()
    {
        var (pool, setId) = await PoolWithSetOfAAsync();
        foreach (var (name, priority) in new[] { (Kvm, "cpu"), (Vdcm, "device") })
        {
            var registered = (await SendAsync(RegisterNotifierCommand.MessageType,
                new { pool = pool.Name, name, scope = "mm", setId = (int?)null, token = "mm:A", priority, endpoint = (string?)null, reactions = Array.Empty<object>() },
                $"{name} for mm:A")).Body;
            ShouldBeOk(registered, pool.Name, RegisterNotifierCommand.MessageType);
        }

        ShouldBeOk((await SendAsync(AllocateIoasidCommand.MessageType, new { pool = pool.Name, setId, min = 1, max = 100 }, "mm:A")).Body,
            pool.Name, AllocateIoasidCommand.MessageType);
        var alloc = (await ReadAsync(pool, 0)).Single(e => e.Event is DomainEvents.NotificationPublished);
        ((DomainEvents.NotificationPublished)alloc.Event).Recipients.ShouldBe([Kvm, Vdcm]);
        return (pool, alloc);
    }

    /// <summary>The pool's events after <paramref name="afterVersion"/> with their ids, as the relay reads them.</summary>
    private Task<IReadOnlyList<Application.Ports.RecordedEvent>> ReadAsync(PoolClient pool, long afterVersion) =>
        new PostgresEventFeed(api.DataSource).ReadAsync(pool.Name, afterVersion, 1000, TestContext.Current.CancellationToken);
}
