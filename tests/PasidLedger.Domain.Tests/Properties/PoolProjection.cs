using System.Globalization;
using System.Text;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// A canonical text of everything a pool state holds, in a fixed order: two states are the same
/// pool exactly when their projections are equal (replay determinism, purity of Decide).
/// </summary>
public static class PoolProjection
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Of(PoolState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = new StringBuilder();
        text.Append(Invariant, $"pool {state.Name} {state.Options} capacity {state.Capacity} avail {state.Available} version {state.Version}")
            .Append(Invariant, $" next-notifier {state.NextNotifierId} next-chain {state.NextChainOrder}\n");
        foreach (var set in state.Sets.Values.OrderBy(set => set.SetId))
        {
            text.Append(Invariant, $"set {set.SetId} {set.Type} token={set.Token} quota={set.Quota} {set.Lifecycle}")
                .Append(Invariant, $" members=[{string.Join(",", set.Members)}]")
                .Append(Invariant, $" spids=[{string.Join(",", set.IdsBySpid.OrderBy(p => p.Key).Select(p => $"{p.Key}>{p.Value}"))}]")
                .Append(Invariant, $" chain=[{string.Join(",", set.Chain.Select(n => n.NotifierId))}]\n");
        }

        foreach (var record in state.Ioasids.Values.OrderBy(record => record.Id))
        {
            text.Append(Invariant, $"ioasid {record.Id}.{record.Generation} set={record.SetId} free={record.FreeRequested} spid={record.Spid} data={record.Private}")
                .Append(Invariant, $" holders=[{string.Join(",", record.Holders.Entries.Select(h => $"{h.Holder}:{h.Count}"))}]\n");
        }

        var issued = Enumerable.Range(1, 512).Where(id => state.LastGeneration((uint)id) > 0);
        text.Append(Invariant, $"generations=[{string.Join(",", issued.Select(id => $"{id}:{state.LastGeneration((uint)id)}"))}]\n");
        foreach (var n in state.Notifiers.Values.OrderBy(n => n.NotifierId))
        {
            text.Append(Invariant, $"notifier {n.NotifierId} {n.Name} {n.Scope} set={n.SetId} token={n.Token} {n.Priority} endpoint={n.Endpoint}")
                .Append(Invariant, $" active={n.Active} order={n.ChainOrder} reactions=[{string.Join(",", n.Reactions)}]\n");
        }

        text.Append(Invariant, $"global=[{string.Join(",", state.GlobalChain.Select(n => n.NotifierId))}]\n")
            .Append(Invariant, $"pending=[{string.Join(",", state.PendingList.Select(n => n.NotifierId))}]\n")
            .Append(Invariant, $"work=[{string.Join(",", state.Work)}]\n");
        return text.ToString();
    }

    /// <summary>The first line where two projections differ, for a readable failure.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "(missing)";
            var r = i < right.Length ? right[i] : "(missing)";
            if (l != r)
            {
                return $"line {i + 1}:\n  expected {l}\n  actual   {r}";
            }
        }

        return "(no difference)";
    }
}
