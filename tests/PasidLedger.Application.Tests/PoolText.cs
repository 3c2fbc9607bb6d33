using System.Globalization;
using System.Text;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Tests;

/// <summary>A canonical text of a pool's public state, to compare a replayed pool with the live one.</summary>
public static class PoolText
{
    public static string Of(PoolState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"pool {state.Name} {state.Options} {state.Capacity}/{state.Available} v{state.Version}\n");
        foreach (var set in state.Sets.Values.OrderBy(set => set.SetId))
        {
            text.Append(CultureInfo.InvariantCulture, $"set {set.SetId} {set.Type} {set.Token} q{set.Quota} {set.Lifecycle} [{string.Join(",", set.Members)}]")
                .Append(CultureInfo.InvariantCulture, $" spids [{string.Join(",", set.IdsBySpid.OrderBy(p => p.Key))}] chain [{string.Join(",", set.Chain.Select(n => n.NotifierId))}]\n");
        }

        foreach (var r in state.Ioasids.Values.OrderBy(r => r.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"ioasid {r.Id}.{r.Generation} set {r.SetId} {r.State} spid {r.Spid} data {r.Private}")
                .Append(CultureInfo.InvariantCulture, $" [{string.Join(",", r.Holders.Entries)}] next {state.NextGeneration(r.Id)}\n");
        }

        foreach (var n in state.Notifiers.Values.OrderBy(n => n.NotifierId))
        {
            text.Append(CultureInfo.InvariantCulture, $"notifier {n with { Reactions = [] }} [{string.Join(",", n.Reactions)}]\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"global [{string.Join(",", state.GlobalChain.Select(n => n.NotifierId))}]\n")
            .Append(CultureInfo.InvariantCulture, $"work [{string.Join(",", state.Work)}]\n")
            .ToString();
    }
}
