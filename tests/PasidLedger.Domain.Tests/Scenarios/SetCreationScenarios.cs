using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 "Pool and capacity", set creation: S4–S8 (<c>set_alloc</c>, 2.2).</summary>
public sealed class SetCreationScenarios
{
    [Fact]
    public void S4_SetAlloc_BeyondCapacityAvail_IsEnospc_AndAnExactFitTakesEverything()
    {
        var pool = Given(F0()).And(new ReserveCapacity(1_048_570));

        pool.When(new CreateSet(SetType.Mm, "A", 7)).ThenRejected(RejectionReason.CapacityExhausted, Errno.ENOSPC);
        pool.State.Sets.ShouldBeEmpty();
        pool.State.Available.ShouldBe(6);

        pool.When(new CreateSet(SetType.Mm, "A", 6))
            .Then(new SetCreated(0, SetType.Mm, "A", 6, 0)).ThenReply(new SetAllocated(0));
        pool.When(new CreateSet(SetType.Mm, "B", 1)).ThenRejected(RejectionReason.CapacityExhausted, Errno.ENOSPC);
    }

    [Fact]
    public void S5_InvalidSetParameters_AreEinval_AndANullSetWithoutTokenIsCreated()
    {
        var pool = Given(F0());

        pool.When(new CreateSet(SetType.Mm, null, 4)).ThenRejected(RejectionReason.TokenRequired, Errno.EINVAL);
        pool.When(new CreateSet(SetType.Null, "0xB0B", 4)).ThenRejected(RejectionReason.TokenNotAllowed, Errno.EINVAL);
        pool.When(new CreateSet((SetType)3, "A", 4)).ThenRejected(RejectionReason.InvalidSetType, Errno.EINVAL);
        pool.State.Sets.ShouldBeEmpty();
        pool.State.Available.ShouldBe(Ioasid.DefaultCapacity);

        pool.When(new CreateSet(SetType.Null, null, 4))
            .Then(new SetCreated(0, SetType.Null, null, 4, 1_048_572)).ThenReply(new SetAllocated(0));
    }

    [Fact]
    public void S6_DuplicateMmToken_IsEexist_WhileNullSetsMayRepeat()
    {
        var pool = Given(F1());

        pool.When(new CreateSet(SetType.Mm, "A", 4)).ThenRejected(RejectionReason.TokenInUse, Errno.EEXIST);
        pool.State.Available.ShouldBe(AvailableAfterF1);

        pool.When(new CreateSet(SetType.Null, null, 4)).Then(new SetCreated(1, SetType.Null, null, 4, AvailableAfterF1 - 4));
        pool.When(new CreateSet(SetType.Null, null, 4)).Then(new SetCreated(2, SetType.Null, null, 4, AvailableAfterF1 - 8));
    }

    [Fact]
    public void S7_RegistrationByMmBeforeTheSetExists_IsActivatedAtSetAlloc_WithoutReplay()
    {
        var pool = Given(F0()).And(RegisterGlobal("I", Priority.Iommu));

        pool.When(RegisterMm("K", "A", Priority.Cpu))
            .Then(new NotifierRegistered(2, "K", NotifierScope.Mm, null, "A", Priority.Cpu, null, [], Active: false))
            .ThenReply(new NotifierAdded(2, false));
        pool.When(RegisterMm("D", "A", Priority.Device))
            .Then(new NotifierRegistered(3, "D", NotifierScope.Mm, null, "A", Priority.Device, null, [], Active: false));

        pool.When(new CreateSet(SetType.Mm, "A", 8))
            .Then(new SetCreated(VA, SetType.Mm, "A", 8, AvailableAfterF1), new NotifierActivated(2, VA), new NotifierActivated(3, VA));
        pool.State.Sets[VA].Chain.Select(n => n.Name).ShouldBe(["K", "D"]);

        pool.When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)");
    }

    [Fact]
    public void S8_QuotaZero_IsUnlimitedAndUnreserved_SoASecondZeroQuotaSetCanAllocate()
    {
        var pool = Given(F0());

        pool.When(new CreateSet(SetType.Mm, "A", 0)).Then(new SetCreated(0, SetType.Mm, "A", 0, Ioasid.DefaultCapacity));
        pool.When(new CreateSet(SetType.Mm, "B", 0)).Then(new SetCreated(1, SetType.Mm, "B", 0, Ioasid.DefaultCapacity));
        pool.When(Alloc(1, min: 1, max: 100)).ThenReply(new IoasidGranted(1, 1));
    }

    [Fact]
    public void SetId_IsReusedLowestFirst_AfterTheSetIsDestroyed()
    {
        Given(F0()).And(new CreateSet(SetType.Null, null, 4), new CreateSet(SetType.Null, null, 4), new FreeSet(0))
            .When(new CreateSet(SetType.Mm, "A", 2))
            .Then(new SetCreated(0, SetType.Mm, "A", 2, Ioasid.DefaultCapacity - 6))
            .ThenReply(new SetAllocated(0));
    }

    [Fact]
    public void SetAlloc_ChecksCapacityBeforeTheToken_SoAnOversizedDuplicateIsEnospc()
    {
        var pool = Given(F1());

        pool.When(new CreateSet(SetType.Mm, "A", AvailableAfterF1 + 1)).ThenRejected(RejectionReason.CapacityExhausted, Errno.ENOSPC);
        pool.When(new CreateSet((SetType)3, null, AvailableAfterF1 + 1)).ThenRejected(RejectionReason.InvalidSetType, Errno.EINVAL);
        pool.When(new CreateSet(SetType.Mm, "A", 4)).ThenRejected(RejectionReason.TokenInUse, Errno.EEXIST);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\uDC00')] // an unpaired surrogate
    public void TextThatCannotBeStored_IsMalformedText_AndChangesNothing(char unstorable)
    {
        var pool = Given(F1());

        pool.When(new CreateSet(SetType.Mm, $"B{unstorable}", 4)).ThenRejected(RejectionReason.MalformedText, Errno.EINVAL);
        pool.When(Get(1, $"h{unstorable}", null)).ThenRejected(RejectionReason.MalformedText, Errno.EINVAL);
        pool.State.Sets.Count.ShouldBe(1);
    }
}
