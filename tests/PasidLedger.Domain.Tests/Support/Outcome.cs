using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

using Shouldly;

namespace PasidLedger.Domain.Tests.Support;

/// <summary>The outcome of one <c>When</c>: assertions return the step so they chain.</summary>
public sealed class Outcome(Scenario scenario, PoolCommand command, Decision decision, long versionBefore)
{
    public Decision Decision { get; } = decision;

    public IReadOnlyList<PoolEvent> Events => Decision.Events;

    /// <summary>The pool after this step.</summary>
    public PoolState State => scenario.State;

    /// <summary>This step's notifications as <c>recipient:KIND(id,spid)</c>, in delivery order.</summary>
    public IReadOnlyList<string> Notifications => Notices.Delivered(Events);

    /// <summary>The next step of the same scenario.</summary>
    public Outcome When(PoolCommand next) => scenario.When(next);

    /// <summary>Accepted, producing exactly <paramref name="expected"/> in order.</summary>
    public Outcome Then(params PoolEvent[] expected)
    {
        ShouldBeAccepted();
        Events.ShouldBe(expected, $"events of {command}");
        return this;
    }

    /// <summary>Refused with an error the caller sees; nothing recorded, nothing changed.</summary>
    public Outcome ThenRejected(RejectionReason reason, Errno errno)
    {
        var rejection = Decision.Rejection.ShouldNotBeNull($"{command} should be rejected");
        rejection.ShouldSatisfyAllConditions(
            () => rejection.Reason.ShouldBe(reason),
            () => rejection.Errno.ShouldBe(errno),
            () => rejection.Ignored.ShouldBeFalse($"{command} should be an error, not ignored"));
        return ShouldChangeNothing();
    }

    /// <summary>The kernel's "ignored" path (void or false): a reason on record, nothing changed.</summary>
    public Outcome ThenIgnored(RejectionReason reason)
    {
        var rejection = Decision.Rejection.ShouldNotBeNull($"{command} should be ignored");
        rejection.ShouldSatisfyAllConditions(
            () => rejection.Reason.ShouldBe(reason),
            () => rejection.Ignored.ShouldBeTrue($"{command} should be ignored, not an error"));
        return ShouldChangeNothing();
    }

    /// <summary>What the kernel call returns.</summary>
    public Outcome ThenReply(CommandReply expected)
    {
        Decision.Reply.ShouldBe(expected, $"reply to {command}");
        return this;
    }

    /// <summary>Exactly these notifications (<c>N:[…]</c> of DOMAIN.md 9), in order.</summary>
    public Outcome ThenNotified(params string[] expected)
    {
        Notifications.ShouldBe(expected, $"notifications of {command}");
        return this;
    }

    /// <summary>Accepted without any notification.</summary>
    public Outcome ThenNothingNotified()
    {
        ShouldBeAccepted();
        return ThenNotified();
    }

    private void ShouldBeAccepted()
    {
        Decision.Rejection.ShouldBeNull($"{command} should be accepted");
    }

    private Outcome ShouldChangeNothing()
    {
        Events.ShouldBeEmpty($"a refused {command} records no events");
        State.Version.ShouldBe(versionBefore);
        return this;
    }
}
