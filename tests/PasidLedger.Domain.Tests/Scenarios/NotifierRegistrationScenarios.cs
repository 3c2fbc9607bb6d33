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

/// <summary>DOMAIN.md 9 "Notifier registration": S37, S38, and R4–R6 with the life cycle of 3.6.</summary>
public sealed class NotifierRegistrationScenarios
{
    [Fact]
    public void S37_RegisterNotifierMm_RefusesNullMm_Duplicates_AndPopulatedSets()
    {
        var pool = Given(F1());

        pool.When(RegisterMm("X", null, Priority.Cpu)).ThenRejected(RejectionReason.TokenRequired, Errno.EINVAL);
        pool.When(RegisterMm("K", "A", Priority.Cpu)).ThenRejected(RejectionReason.NotifierDuplicate, Errno.EBUSY);

        pool.When(Alloc(VA)).ThenReply(new IoasidGranted(1, 1));
        pool.When(RegisterMm("Y", "A", Priority.Cpu)).ThenRejected(RejectionReason.SetNotEmpty, Errno.EBUSY);
        pool.State.Notifiers.Values.ShouldNotContain(n => n.Name == "Y");

        pool.When(RegisterMm("Z", "C", Priority.Cpu))
            .Then(new NotifierRegistered(4, "Z", NotifierScope.Mm, null, "C", Priority.Cpu, null, [], Active: false))
            .ThenReply(new NotifierAdded(4, false));
        pool.When(RegisterMm("Z", "C", Priority.Cpu)).ThenRejected(RejectionReason.NotifierDuplicate, Errno.EBUSY);
    }

    [Fact]
    public void S38_UnregisterThroughTheSet_IsRefusedForMmRegistrations_UnregisterMmRemovesThem()
    {
        var pool = Given(F1());

        pool.When(new UnregisterNotifier(NotifierK, UnregisterVia.Set)).ThenIgnored(RejectionReason.RegisteredByMm);
        pool.When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)");

        pool.When(new UnregisterNotifier(NotifierK, UnregisterVia.Mm)).Then(new NotifierUnregistered(NotifierK));
        pool.When(Alloc(VA)).ThenNotified("D:ALLOC(2,INV)");

        pool.When(new UnregisterNotifier(NotifierK, UnregisterVia.Mm)).ThenIgnored(RejectionReason.UnknownNotifier);
        pool.When(new UnregisterNotifier(99, UnregisterVia.Mm)).ThenIgnored(RejectionReason.UnknownNotifier);
    }

    [Fact]
    public void UnregisterViaMatching_UsesTheCallOfTheRegistration_MmForMmOnes_SetForTheOthers()
    {
        var pool = Given(F1());

        pool.When(new UnregisterNotifier(NotifierK, UnregisterVia.Matching)).Then(new NotifierUnregistered(NotifierK));
        pool.When(new UnregisterNotifier(NotifierI, UnregisterVia.Matching)).Then(new NotifierUnregistered(NotifierI));
        pool.When(new UnregisterNotifier(NotifierI, UnregisterVia.Matching)).ThenIgnored(RejectionReason.UnknownNotifier);
    }

    [Fact]
    public void RegisterMm_OnAnExistingEmptySet_IsActiveAtOnce_AfterEqualPriorities()
    {
        var pool = Given(F1());

        pool.When(RegisterMm("Y", "A", Priority.Device))
            .Then(new NotifierRegistered(4, "Y", NotifierScope.Mm, VA, "A", Priority.Device, null, [], Active: true))
            .ThenReply(new NotifierAdded(4, true));
        pool.When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)", "Y:ALLOC(1,INV)");
    }

    [Fact]
    public void RegisterNotifier_DuplicateOnTheGlobalChain_OrTheSameSetChain_IsEbusy()
    {
        var pool = Given(F1()).And(RegisterOnSet("S", VA, Priority.Last));

        pool.When(RegisterGlobal("I", Priority.Cpu)).ThenRejected(RejectionReason.NotifierDuplicate, Errno.EBUSY);
        pool.When(RegisterOnSet("S", VA, Priority.Last)).ThenRejected(RejectionReason.NotifierDuplicate, Errno.EBUSY);
        pool.State.GlobalChain.Count.ShouldBe(1);
    }

    [Fact]
    public void RegisterMm_OnAClosingSet_IsEbusy_BecauseTheSetIsNotEmpty()
    {
        var pool = Given(F1()).And(Alloc(VA), Get(1, "X", VA), new ReleaseSet(VA));

        pool.State.Sets[VA].Lifecycle.ShouldBe(SetLifecycle.Closing);
        pool.When(RegisterMm("Y", "A", Priority.Cpu)).ThenRejected(RejectionReason.SetNotEmpty, Errno.EBUSY);
    }

    [Fact]
    public void MmRegistrations_GoInactiveWithTheSet_AndReactivateForANewSetOfTheSameToken_WithoutReplay()
    {
        var pool = Given(F1()).And(Alloc(VA), Free(1, VA));

        pool.When(new FreeSet(VA)).Then(
            new SetDestroyed(VA, "set_free", 8, Ioasid.DefaultCapacity),
            new NotifierDeactivated(NotifierK, VA),
            new NotifierDeactivated(NotifierD, VA));
        pool.State.PendingList.ShouldAllBe(n => !n.Active && n.SetId == null);

        pool.When(new CreateSet(SetType.Mm, "A", 8))
            .Then(
                new SetCreated(VA, SetType.Mm, "A", 8, AvailableAfterF1),
                new NotifierActivated(NotifierK, VA),
                new NotifierActivated(NotifierD, VA))
            .ThenNothingNotified();
        pool.When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)");
    }

    [Fact]
    public void AnInactiveMmRegistration_IsRefusedThroughTheSet_AndRemovedByUnregisterMm()
    {
        var pool = Given(F1()).And(RegisterMm("Z", "C", Priority.Cpu));

        pool.When(new UnregisterNotifier(4, UnregisterVia.Set)).ThenIgnored(RejectionReason.RegisteredByMm);
        pool.When(new UnregisterNotifier(4, UnregisterVia.Mm)).Then(new NotifierUnregistered(4));
        pool.When(new CreateSet(SetType.Mm, "C", 1)).Then(new SetCreated(1, SetType.Mm, "C", 1, AvailableAfterF1 - 1));
    }

    [Fact]
    public void UnregisterThroughTheSet_RemovesAGlobalRegistration()
    {
        var pool = Given(F1()).And(Alloc(VA), Get(1, "X", VA));

        pool.When(new UnregisterNotifier(NotifierI, UnregisterVia.Set)).Then(new NotifierUnregistered(NotifierI));
        pool.When(Free(1, VA)).ThenNotified("K:FREE(1,INV)", "D:FREE(1,INV)");
    }
}
