using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Notices;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>Scenarios given as a recorded stream: the state a replay rebuilds decides like the live one.</summary>
public sealed class ReplayScenarios
{
    private static readonly PoolEvent[] F1Stream =
    [
        new PoolCreated("host-a", PoolOptions.Default),
        new NotifierRegistered(NotifierI, "I", NotifierScope.Global, null, null, Priority.Iommu, null, [], Active: true),
        new NotifierRegistered(NotifierK, "K", NotifierScope.Mm, null, "A", Priority.Cpu, null, [], Active: false),
        new NotifierRegistered(NotifierD, "D", NotifierScope.Mm, null, "A", Priority.Device, null, [], Active: false),
        new SetCreated(VA, SetType.Mm, "A", 8, AvailableAfterF1),
        new NotifierActivated(NotifierK, VA),
        new NotifierActivated(NotifierD, VA),
    ];

    [Fact]
    public void F1_CommandsRecordExactlyTheF1Stream()
    {
        Given(F1()).History.ShouldBe(F1Stream);
    }

    [Fact]
    public void F1_RebuiltFromItsStream_PublishesFreeInTheSameOrder()
    {
        Given(F1Stream)
            .When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)")
            .When(Get(1, "X", VA)).ThenNothingNotified()
            .When(Free(1, VA)).ThenNotified("I:FREE(1,INV)", "K:FREE(1,INV)", "D:FREE(1,INV)");
    }

    [Fact]
    public void AStreamWithAReclaimedId_RemembersItsGeneration()
    {
        Given([.. F1Stream, new IoasidAllocated(1, 1, VA, 1, MaxPasid, null), new FreeRequested(1, 1, VA, 0), new IoasidReclaimed(1, 1, VA)])
            .When(Alloc(VA)).Then(
                new IoasidAllocated(1, 2, VA, 1, MaxPasid, null),
                Published(NotificationKind.Alloc, 1, Ioasid.Invalid, VA, NotifyFlags.Set, ["K", "D"], generation: 2))
            .When(Free(1, VA, generation: 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
    }

    [Fact]
    public void AStreamWithAClosingSet_StillRefusesAllocation()
    {
        Given([.. F1Stream, new IoasidAllocated(1, 1, VA, 1, MaxPasid, null), new RefAcquired(1, 1, "X", 2), new FreeRequested(1, 1, VA, 1), new SetClosing(VA, 1)])
            .When(Alloc(VA)).ThenRejected(RejectionReason.SetClosing, Errno.EINVAL)
            .When(new ReleaseSet(VA)).ThenNothingNotified();
    }
}
