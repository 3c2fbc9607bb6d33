using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.Tests.Support;
using Shouldly;
using Xunit;
using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DESTROYED (DOMAIN.md 3.5, R13): every operation naming the set fails; the token is free at once.</summary>
public sealed class DestroyedSetScenarios
{
    [Fact]
    public void EveryOperationNamingADestroyedSet_IsEinval_OrInvalid()
    {
        var pool = Given(F1()).And(new FreeSet(VA));

        pool.When(Alloc(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(new FreeSet(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(new ReleaseSet(VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(new AdjustSetQuota(VA, 4)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(RegisterOnSet("S", VA, Priority.Last)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(new AcquireRefBySpid(VA, 101, "VDCM")).ThenIgnored(RejectionReason.SetInvalid).ThenReply(new SpidResolved(null));
        pool.When(new FreeAllInSet(VA)).ThenIgnored(RejectionReason.SetInvalid).ThenReply(new SetFreedAll(VA, 0, 0));
    }

    [Fact]
    public void GetAndFind_NamingADestroyedOrUnknownSet_AreEinval_WhileAnotherLiveSetIsEacces()
    {
        var pool = Given(F1()).And(WithVB()).And(Alloc(VB), new FreeSet(VA));

        pool.When(Get(1, "X", VA)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        pool.When(Get(1, "X", 7)).ThenRejected(RejectionReason.SetInvalid, Errno.EINVAL);
        Lookups.Find(pool.State, VA, 1).ShouldBe((null, Errno.EINVAL));
        Lookups.Find(pool.State, 7, 1).ShouldBe((null, Errno.EINVAL));

        pool.When(new CreateSet(SetType.Null, null, 4)).ThenReply(new SetAllocated(VA));
        pool.When(Get(1, "X", VA)).ThenRejected(RejectionReason.NotOwner, Errno.EACCES);
        Lookups.Find(pool.State, VA, 1).ShouldBe((null, Errno.EACCES));
    }

    [Fact]
    public void RegisterMm_AfterTheSetWasDestroyed_WaitsInactive_AndJoinsTheNextSetOfThatToken()
    {
        var pool = Given(F1()).And(new FreeSet(VA));

        pool.When(RegisterMm("Y", "A", Priority.Iommu)).ThenReply(new NotifierAdded(4, false));
        pool.When(new CreateSet(SetType.Mm, "A", 8)).ThenNothingNotified();
        pool.State.Sets[VA].Chain.Select(n => n.Name).ShouldBe(["K", "Y", "D"]);
        pool.When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "Y:ALLOC(1,INV)", "D:ALLOC(1,INV)");
    }

    [Fact]
    public void SetScopedRegistrations_LeaveWithTheirSet_AndDoNotFollowTheToken()
    {
        var pool = Given(F1()).And(RegisterOnSet("S", VA, Priority.Last), new FreeSet(VA));

        pool.State.Notifiers.Values.ShouldNotContain(n => n.Name == "S");
        pool.When(new CreateSet(SetType.Mm, "A", 8)).ThenNothingNotified();
        pool.When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)");
    }
}
