using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 S44 and the dispatch order of 4.5 (D10, D11): per chain by default, merged as a test mode.</summary>
public sealed class NotificationDispatchScenarios
{
    [Fact]
    public void S44_InternalNotify_WithAnUnknownFlagBit_IsEinval_AndDeliversNothing()
    {
        var state = Given(F1()).And(Alloc(VA), new AttachSpid(1, 101)).State;

        foreach (var flags in new[] { 0b100, 0b111 })
        {
            var (rejection, recipients) = Chains.Notify(state, 1, flags);

            rejection.ShouldNotBeNull().Reason.ShouldBe(RejectionReason.InvalidFlags);
            rejection.Errno.ShouldBe(Errno.EINVAL);
            recipients.ShouldBeEmpty();
        }
    }

    [Fact]
    public void S44_InternalNotify_WithNoFlag_ReturnsZero_AndDeliversNothing()
    {
        var state = Given(F1()).And(Alloc(VA)).State;

        var (rejection, recipients) = Chains.Notify(state, 1, 0);

        rejection.ShouldBeNull();
        recipients.ShouldBeEmpty();
    }

    [Fact]
    public void Notify_AllRunsTheGlobalChain_SetRunsTheSetChain_BothRunGlobalFirst()
    {
        var state = Given(F1()).And(Alloc(VA)).State;

        Chains.Notify(state, 1, (int)NotifyFlags.All).Recipients.Select(n => n.Name).ShouldBe(["I"]);
        Chains.Notify(state, 1, (int)NotifyFlags.Set).Recipients.Select(n => n.Name).ShouldBe(["K", "D"]);
        Chains.Notify(state, 1, (int)(NotifyFlags.All | NotifyFlags.Set)).Recipients.Select(n => n.Name).ShouldBe(["I", "K", "D"]);
    }

    [Fact]
    public void WithinOneChain_HigherPriorityRunsFirst_EqualPrioritiesInRegistrationOrder()
    {
        Given(F1()).And(RegisterGlobal("L", Priority.Last), RegisterGlobal("C", Priority.Cpu), RegisterGlobal("I2", Priority.Iommu))
            .And(Alloc(VA), Get(1, "X", VA))
            .When(Free(1, VA))
            .ThenNotified("C:FREE(1,INV)", "I:FREE(1,INV)", "I2:FREE(1,INV)", "L:FREE(1,INV)", "K:FREE(1,INV)", "D:FREE(1,INV)");
    }

    [Fact]
    public void MergedByPriority_InterleavesBothChains_ByPriority_GlobalFirstOnTies()
    {
        var merged = new PoolOptions(Dispatch: DispatchPolicy.MergedByPriority);

        Given(F1(merged)).And(RegisterGlobal("G", Priority.Cpu), Alloc(VA), Get(1, "X", VA))
            .When(Free(1, VA))
            .ThenNotified("G:FREE(1,INV)", "K:FREE(1,INV)", "I:FREE(1,INV)", "D:FREE(1,INV)");
    }

    [Fact]
    public void MergedByPriority_LeavesSingleChainNotificationsAsTheyAre()
    {
        Given(F1(new PoolOptions(Dispatch: DispatchPolicy.MergedByPriority)))
            .When(Alloc(VA)).ThenNotified("K:ALLOC(1,INV)", "D:ALLOC(1,INV)");
    }
}
