using PasidLedger.Domain.Access;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>A recipient's acknowledgement of a notification (issue 11): recorded as an event, changing nothing else.</summary>
public sealed class AcknowledgementScenarios
{
    private static readonly Guid EventId = Guid.Parse("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4a");

    [Fact]
    public void AcknowledgingAnAllocNotification_RecordsIt_AndLeavesTheStateAsItWas()
    {
        var pool = Given(F2()).And(Alloc(VA));
        var version = pool.State.Version;
        var refs = pool.State.Find(1)!.Refs;

        pool.When(Ack(version, "IOMMU"))
            .Then(new NotificationAcknowledged(EventId, version, "IOMMU", NotificationKind.Alloc, 1, 1))
            .ThenReply(Acknowledged.Instance);

        pool.State.Version.ShouldBe(version + 1);
        pool.State.Find(1)!.Refs.ShouldBe(refs);
        pool.State.Work.ShouldBeEmpty();
    }

    [Fact]
    public void AnAcknowledgementOfAnIdSinceReclaimed_IsStillRecorded()
    {
        var pool = Given(F2()).And(Alloc(VA));
        var alloc = pool.State.Version;
        pool.And(Free(1, VA));
        pool.State.Find(1).ShouldBeNull();

        pool.When(Ack(alloc, "IOMMU")).Then(new NotificationAcknowledged(EventId, alloc, "IOMMU", NotificationKind.Alloc, 1, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ABlankRecipient_IsInvalid(string recipient)
    {
        var pool = Given(F2()).And(Alloc(VA));

        pool.When(Ack(pool.State.Version, recipient)).ThenRejected(RejectionReason.InvalidArgument, Errno.EINVAL);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public void AVersionOutsideTheStream_IsInvalid(long version)
    {
        var pool = Given(F2()).And(Alloc(VA));

        pool.When(Ack(version, "IOMMU")).ThenRejected(RejectionReason.InvalidArgument, Errno.EINVAL);
        pool.When(Ack(pool.State.Version + 1, "IOMMU")).ThenRejected(RejectionReason.InvalidArgument, Errno.EINVAL);
    }

    [Fact]
    public void AnUnknownKind_IsInvalid()
    {
        var pool = Given(F2()).And(Alloc(VA));

        pool.When(Ack(pool.State.Version, "IOMMU") with { Kind = (NotificationKind)9 }).ThenRejected(RejectionReason.InvalidArgument, Errno.EINVAL);
    }

    [Fact]
    public void A_vm_or_component_acknowledges_only_as_itself_an_auditor_never_an_operator_as_anyone()
    {
        var state = Given(F2()).And(Alloc(VA)).State;
        var ack = Ack(state.Version, "kvm:A");

        CommandAccess.Refusal(state, new Principal("kvm:A", Role.Component, "mm:A"), ack).ShouldBeNull();
        CommandAccess.Refusal(state, new Principal("kvm:A", Role.Component), ack).ShouldBeNull();
        CommandAccess.Refusal(state, new Principal("vdcm:A", Role.Component, "mm:A"), ack).ShouldNotBeNull();
        CommandAccess.Refusal(state, new Principal("mm:A", Role.Vm), ack).ShouldNotBeNull();
        CommandAccess.Refusal(state, new Principal("mm:A", Role.Vm), ack with { Recipient = "mm:A" }).ShouldBeNull();
        CommandAccess.Refusal(state, new Principal("kvm:A", Role.Auditor), ack).ShouldNotBeNull();
        CommandAccess.Refusal(state, new Principal("operator:me", Role.Operator), ack).ShouldBeNull();
    }

    private static AcknowledgeNotification Ack(long version, string recipient) =>
        new(EventId, version, recipient, NotificationKind.Alloc, 1, 1);
}
