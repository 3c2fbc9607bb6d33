using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Checks of a decision against the state it was decided on, and of its reply against the state after.</summary>
public sealed partial class LedgerAudit
{
    /// <summary>Before folding: the decision's shape and the command-specific rules of DOMAIN.md 2–3.</summary>
    public static void CheckDecision(PoolState state, PoolCommand command, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        Require(!decision.IsRejected || (decision.Events.Count == 0 && decision.ReactionRejections.Count == 0), "rejected-silent",
            () => $"{decision.Rejection} came with {decision.Events.Count} events");
        Require(decision.IsRejected || decision.Reply is not null, "reply", () => $"{command} accepted without a reply");
        Require(decision.Rejection is null || decision.Rejection.Errno != Errno.None, "errno", () => $"{decision.Rejection} has no errno");
        foreach (var refused in decision.ReactionRejections)
        {
            var chained = refused.Action is ReactionAction.DetachSpid or ReactionAction.DetachData or ReactionAction.Free;
            Require(chained == (refused.Rejection.Reason == RejectionReason.ChainedNotification), "R12", () => $"{refused} in {command}");
        }

        var expected = SpecOracle.Expect(state, command);
        Require(expected.Matches(decision), "spec", () => $"{LedgerText.Of(command)} should be {expected}, was {decision.Rejection?.ToString() ?? "accepted"}");
    }

    /// <summary>After folding: what the kernel call returned agrees with the state.</summary>
    public static void CheckReply(PoolState state, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        var ok = decision.Reply switch
        {
            IoasidGranted g => decision.Events.OfType<IoasidAllocated>().Single() is var a && a.Id == g.Id && a.Generation == g.Generation,
            RefsChanged r when decision.IsRejected => !decision.Rejection!.Ignored || !r.Reclaimed,
            RefsChanged { Reclaimed: true } r => state.Find(r.Id) is null,
            RefsChanged r => state.Find(r.Id)?.Refs == r.Refs,
            FreeOutcome { Result: FreeResult.Reclaimed } => decision.Events.OfType<IoasidReclaimed>().Any(),
            FreeOutcome { Result: FreeResult.FreePending } => decision.Events.OfType<FreeRequested>().Single() is var f && state.Find(f.Id)?.FreeRequested == true,
            FreeOutcome { Result: FreeResult.Ignored } => decision.IsRejected,
            SetAllocated s => state.LiveSet(s.SetId)?.IsLive == true,
            SetReleased s => state.Sets[s.SetId].Lifecycle == s.Lifecycle && s.Lifecycle != SetLifecycle.Live
                && state.Sets[s.SetId].Members.All(id => state.Find(id)!.FreeRequested),
            SetFreedAll s when !decision.IsRejected => state.Sets[s.SetId].Members.All(id => state.Find(id)!.FreeRequested),
            NotifierAdded n => state.Notifiers[n.NotifierId].Active == n.Active,
            CapacityChanged c => state.Available == c.Available,
            SpidResolved { Id: { } id } => decision.Events.OfType<RefAcquired>().Single().Id == id,
            SpidResolved => decision.Events.Count == 0,
            WorkAccepted w => w.Queued != decision.IsRejected,
            _ => true,
        };
        Require(ok, "reply", () => $"reply {decision.Reply} disagrees with the state after {decision.Events.Count} events");
    }
}
