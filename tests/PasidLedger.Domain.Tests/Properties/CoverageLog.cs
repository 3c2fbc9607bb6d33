using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>What a set of runs exercised: accepted command types, event types, rejection reasons.</summary>
public sealed class CoverageLog
{
    public HashSet<Type> AcceptedCommands { get; } = [];

    public HashSet<Type> Events { get; } = [];

    public HashSet<string> Rejections { get; } = [];

    public int Steps { get; private set; }

    public void Record(PoolCommand command, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(decision);
        Steps++;
        if (decision.Rejection is { } rejection)
        {
            Rejections.Add($"{rejection.Reason}");
        }
        else
        {
            AcceptedCommands.Add(command.GetType());
        }

        foreach (var @event in decision.Events)
        {
            Events.Add(@event.GetType());
        }

        foreach (var refused in decision.ReactionRejections)
        {
            Rejections.Add($"reaction:{refused.Rejection.Reason}");
        }
    }
}
