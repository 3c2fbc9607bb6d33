using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>Set quota accounting: P2/R15 (returned exactly once) and S70 (<c>adjust_set</c>, v3 semantics).</summary>
public sealed class QuotaScenarios
{
    [Fact]
    public void Quota_IsReturnedExactlyOnce_WhenAClosingSetIsDestroyed()
    {
        var pool = Given(F1()).And(Alloc(VA), Get(1, "X", VA), new ReleaseSet(VA));

        pool.State.Available.ShouldBe(AvailableAfterF1);
        pool.When(new FreeSet(VA)).ThenRejected(RejectionReason.SetBusy, Errno.EBUSY);
        pool.When(Put(1, "X", VA)).ThenNothingNotified();
        pool.State.Available.ShouldBe(Ioasid.DefaultCapacity);

        pool.When(new FreeSet(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(new ReleaseSet(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.State.Available.ShouldBe(Ioasid.DefaultCapacity);
        pool.History.OfType<SetDestroyed>().ShouldHaveSingleItem().QuotaReturned.ShouldBe(8);
    }

    [Fact]
    public void S70_AdjustSet_RefusesBelowUsageAndZero_ShrinkReturnsTheDifference_GrowthIsBoundedByAvail()
    {
        var pool = Given(F1()).And(Alloc(VA), Alloc(VA), Alloc(VA));

        pool.When(new AdjustSetQuota(VA, 2)).ThenRejected(RejectionReason.QuotaBelowUsage, Errno.EINVAL);
        pool.When(new AdjustSetQuota(VA, 0)).ThenRejected(RejectionReason.QuotaInvalid, Errno.EINVAL);

        pool.When(new AdjustSetQuota(VA, 4)).Then(new SetQuotaAdjusted(VA, 4, AvailableAfterF1 + 4));
        pool.State.Sets[VA].Quota.ShouldBe(4);

        var tooMuch = 4 + pool.State.Available + 1;
        pool.When(new AdjustSetQuota(VA, tooMuch)).ThenRejected(RejectionReason.CapacityExhausted, Errno.ENOSPC);
        pool.State.Available.ShouldBe(AvailableAfterF1 + 4);
    }

    [Fact]
    public void S70_AdjustSet_ThenDestroy_ReturnsTheAdjustedQuota()
    {
        var pool = Given(F1()).And(new AdjustSetQuota(VA, 3));

        pool.When(new FreeSet(VA)).ThenReply(Acknowledged.Instance);
        pool.State.Available.ShouldBe(Ioasid.DefaultCapacity);
        pool.History.OfType<SetDestroyed>().ShouldHaveSingleItem().QuotaReturned.ShouldBe(3);
    }
}
