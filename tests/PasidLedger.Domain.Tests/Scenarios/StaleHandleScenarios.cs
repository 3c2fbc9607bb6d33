using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.Tests.Support;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>R18 (ABA): a handle naming an old generation never reaches the re-allocated number.</summary>
public sealed class StaleHandleScenarios
{
    // ID 1 generation 1 is allocated, freed (reclaimed at once) and handed out again as generation 2.
    private static Scenario Reallocated() => Given(F1()).And(Alloc(VA), Free(1, VA), Alloc(VA));

    [Fact]
    public void StaleGeneration_FreePutAndGet_AreStaleHandle_AndTheNewIncarnationIsUnaffected()
    {
        var pool = Reallocated();
        pool.State.Find(1)!.Generation.ShouldBe(2);

        pool.When(Free(1, VA, generation: 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
        pool.When(Put(1, Ioasid.CoreHolder, null, generation: 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
        pool.When(Get(1, "X", VA, generation: 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);

        var record = pool.State.Find(1).ShouldNotBeNull();
        (record.Generation, record.Refs, record.State).ShouldBe((2, 1, IoasidState.Idle));
    }

    [Fact]
    public void StaleGeneration_IsRefusedByEveryIdHandleCommand()
    {
        var pool = Reallocated();

        pool.When(new AcquireRefIfOwned(1, "uapi", "A", 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
        pool.When(new AttachSpid(1, 101, 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
        pool.When(new AttachPrivate(1, "p", 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
        pool.When(new DetachPrivate(1, 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
        pool.When(new DetachSpid(1, 1)).ThenRejected(RejectionReason.StaleHandle, Errno.ESTALE);
    }

    [Fact]
    public void CurrentGeneration_IsAccepted_AndCarriedInTheEvents()
    {
        var pool = Reallocated();

        pool.When(Get(1, "X", VA, generation: 2)).Then(new RefAcquired(1, 2, "X", 2));
        pool.When(Put(1, "X", VA, generation: 2)).Then(new RefReleased(1, 2, "X", 1));
        pool.When(Free(1, VA, generation: 2)).Then(new FreeRequested(1, 2, VA, 0), new IoasidReclaimed(1, 2, VA));
    }

    [Fact]
    public void WithoutAGeneration_APutAfterReclaimAndReallocation_HitsTheNewIncarnation_AsV4Does()
    {
        // The hazard R18 names: an unversioned put (set = NULL) cannot tell the incarnations apart.
        Reallocated()
            .When(Put(1, Ioasid.CoreHolder, null))
            .Then(new RefReleased(1, 2, Ioasid.CoreHolder, 0), new IoasidReclaimed(1, 2, VA));
    }
}
