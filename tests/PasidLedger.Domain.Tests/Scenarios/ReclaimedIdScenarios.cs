using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Tests.Support;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Lookups;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>Transition T15 of DOMAIN.md 3.1: every operation on a FREE (reclaimed) ID, with its kernel result.</summary>
public sealed class ReclaimedIdScenarios
{
    // ID 1 had SPID 101 and private data, then was put to zero: FREE.
    private static Scenario Reclaimed() =>
        Given(F1()).And(Alloc(VA, data: "p"), new AttachSpid(1, 101), Put(1, Ioasid.CoreHolder, VA));

    [Fact]
    public void T15_GetIsEinval_AttachAndGetIfOwnedAreEnoent()
    {
        var pool = Reclaimed();

        pool.When(Get(1, "X", VA)).ThenRejected(RejectionReason.UnknownId, Errno.EINVAL);
        pool.When(Get(1, "X", null)).ThenRejected(RejectionReason.UnknownId, Errno.EINVAL);
        pool.When(new AcquireRefIfOwned(1, "uapi", "A")).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);
        pool.When(new AttachSpid(1, 102)).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);
        pool.When(new AttachPrivate(1, "q")).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);
        Find(pool.State, VA, 1).ShouldBe((null, Errno.ENOENT));
    }

    [Fact]
    public void T15_PutReturnsFalse_FreeAndDetachesAreIgnored_AndTheSpidIsGone()
    {
        var pool = Reclaimed();

        pool.When(Put(1, Ioasid.CoreHolder, VA)).ThenIgnored(RejectionReason.UnknownId).ThenReply(new RefsChanged(1, 0, false));
        pool.When(Free(1, VA)).ThenIgnored(RejectionReason.UnknownId).ThenReply(new FreeOutcome(FreeResult.Ignored));
        pool.When(new DetachSpid(1)).ThenIgnored(RejectionReason.UnknownId);
        pool.When(new DetachPrivate(1)).ThenIgnored(RejectionReason.UnknownId);
        FindBySpid(pool.State, VA, 101).ShouldBeNull();
        pool.When(new AcquireRefBySpid(VA, 101, "VDCM")).ThenIgnored(RejectionReason.SpidNotFound);
    }
}
