using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Lookups;
using static PasidLedger.Domain.Tests.Support.Notices;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>SPID rules of DOMAIN.md 2.4 beyond the samples: I4 uniqueness, one BIND per cycle, R10 (D7).</summary>
public sealed class SpidRuleScenarios
{
    [Fact]
    public void AttachSpid_Again_IsEbusy_WithTheSameOrADifferentSpid_AndNoSecondBind()
    {
        var pool = Given(F1()).And(Alloc(VA), new AttachSpid(1, 101));

        pool.When(new AttachSpid(1, 101)).ThenRejected(RejectionReason.SpidPresent, Errno.EBUSY);
        pool.When(new AttachSpid(1, 102)).ThenRejected(RejectionReason.SpidPresent, Errno.EBUSY);
        pool.State.Find(1)!.Spid.ShouldBe(101u);
    }

    [Fact]
    public void AttachSpid_UsedByAnotherMemberOfTheSameSet_IsEinval()
    {
        Given(F1()).And(Alloc(VA), Alloc(VA), new AttachSpid(1, 101))
            .When(new AttachSpid(2, 101)).ThenRejected(RejectionReason.SpidCollision, Errno.EINVAL);
    }

    [Fact]
    public void SameSpid_InTwoDifferentSets_IsAllowed_AndEachSetResolvesItsOwn()
    {
        var pool = Given(F1()).And(WithVB()).And(Alloc(VA), Alloc(VB), new AttachSpid(1, 101));

        pool.When(new AttachSpid(2, 101))
            .Then(new SpidAttached(2, 1, VB, 101), Published(NotificationKind.Bind, 2, 101, VB, NotifyFlags.Set, ["KB"]))
            .ThenNotified("KB:BIND(2,101)");
        FindBySpid(pool.State, VA, 101).ShouldBe(1u);
        FindBySpid(pool.State, VB, 101).ShouldBe(2u);
    }

    [Fact]
    public void AttachSpid_OnFreePending_IsEbusy_NoResurrection()
    {
        Given(F1()).And(Alloc(VA), Get(1, "X", VA), Free(1, VA))
            .When(new AttachSpid(1, 101)).ThenRejected(RejectionReason.FreePending, Errno.EBUSY);
    }

    [Fact]
    public void DetachSpid_OnFreePending_StillSendsUnbind_SoTheCleanupCanRun()
    {
        Given(S23())
            .When(new DetachSpid(1)).ThenNotified("K:UNBIND(1,101)", "D:UNBIND(1,101)")
            .State.Find(1)!.State.ShouldBe(IoasidState.FreePending);
    }

    [Fact]
    public void Reclaim_ReleasesTheSpid_SoItCanBeBoundToAnotherMember()
    {
        var pool = Given(F1()).And(Alloc(VA), Alloc(VA), new AttachSpid(1, 101), Free(1, VA));

        FindBySpid(pool.State, VA, 101).ShouldBeNull();
        pool.When(new AttachSpid(2, 101)).Then(
            new SpidAttached(2, 1, VA, 101),
            Published(NotificationKind.Bind, 2, 101, VA, NotifyFlags.Set, ["K", "D"]));
    }
}
