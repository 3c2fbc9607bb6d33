using PasidLedger.Postgres.History;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Cli.Demo;

/// <summary>The demo's epilogue: the final read models and the rejections, read back from their tables.</summary>
internal static class DemoViews
{
    public static async Task PrintAsync(TextWriter output, ReadModelQueries views, HistoryQueries history, string pool, CancellationToken ct)
    {
        output.WriteLine();
        output.WriteLine("final views (read back from the read-model tables):");
        if (await views.CapacityAsync(pool, ct).ConfigureAwait(false) is { } capacity)
        {
            output.WriteLine($"  capacity_view  capacity {capacity.Capacity}, available {capacity.Available}, "
                + $"installed {(capacity.CapacityInstalled ? "yes" : "no")}, version {capacity.Version}");
        }

        foreach (var set in await views.SetsAsync(pool, null, null, ct).ConfigureAwait(false))
        {
            output.WriteLine($"  set_view       set {set.SetId} {set.Type} {set.Token ?? "-"} quota {set.Quota}: {set.State.ToUpperInvariant()}, {set.Count} member(s)");
        }

        var ioasids = await views.IoasidsAsync(pool, null, null, ct).ConfigureAwait(false);
        if (ioasids.Count == 0)
        {
            output.WriteLine("  refcount_view  (empty: every ID was reclaimed)");
        }

        foreach (var row in ioasids)
        {
            output.WriteLine($"  refcount_view  id {row.Id} gen {row.Generation} set {row.SetId}: refs {row.Refs} {row.State}");
        }

        foreach (var n in await views.NotifiersAsync(pool, ct).ConfigureAwait(false))
        {
            var where = n.Scope == "global" ? "global chain" : n.Token is null ? $"set {n.SetId}" : $"{n.Token}{(n.SetId is { } s ? $" (set {s})" : string.Empty)}";
            output.WriteLine($"  notifier_view  {n.NotifierId} {n.Name,-9} {n.Scope,-6} prio {n.Priority,-6} {where}: {(n.Active ? "ACTIVE" : "INACTIVE")}");
        }

        var rejections = await history.RejectionsAsync(pool, 100, ct).ConfigureAwait(false);
        output.WriteLine();
        output.WriteLine($"rejections recorded ({rejections.Count}):");
        foreach (var r in rejections.OrderBy(r => r.Id))
        {
            output.WriteLine($"  {(r.Ignored ? "ignored " : "rejected")} {r.Reason} ({r.Errno}) from {r.Caller ?? "-"} {r.CommandType}: {r.Detail}");
        }
    }
}
