using PasidLedger.Application.ReadModels;
using Spectre.Console;
using static PasidLedger.Cli.Viewing.CliText;

namespace PasidLedger.Cli.Viewing;

/// <summary>The read-model rows of <c>show</c> as tables, one column per field of the HTTP body.</summary>
internal static class ViewTables
{
    public static Table Capacity(CapacityView view) => CliTable.Of(
        ["pool", "capacity", "available", "installed", "version"],
        [[view.Pool, Number(view.Capacity), Number(view.Available), view.CapacityInstalled ? "yes" : "no", Number(view.Version)]]);

    public static Table Set(SetView set) => CliTable.Of(
        ["set", "type", "token", "quota", "count", "state"],
        [[Number(set.SetId), set.Type, Optional(set.Token), Number(set.Quota), Number(set.Count), set.State]]);

    public static Table Members(IEnumerable<RefcountView> members) => CliTable.Of(
        ["id", "generation", "state", "refs", "spid"],
        members.Select(r => (IReadOnlyList<string>)[Number(r.Id), Number(r.Generation), r.State, Number(r.Refs), Optional(r.Spid)]));

    public static Table Ioasid(RefcountView r) => CliTable.Of(
        ["id", "generation", "set", "state", "refs", "holders", "spid", "private"],
        [[Number(r.Id), Number(r.Generation), Number(r.SetId), r.State, Number(r.Refs), Holders(r.Holders), Optional(r.Spid), Optional(r.Private)]]);

    /// <summary>
    /// References per holder by name, e.g. <c>core×1, kvm:A×2</c>. Not in first-acquisition order: the live
    /// <c>refcount_view</c> keeps holders as a jsonb object, which sorts its keys (as <c>ViewFields</c> notes for
    /// verify), while a past view has them in first order; by name, the live and past tables of a moment agree.
    /// </summary>
    private static string Holders(IReadOnlyDictionary<string, int> holders) =>
        holders.Count == 0 ? "-" : string.Join(", ", holders.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}×{Number(h.Value)}"));
}
