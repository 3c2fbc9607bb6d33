using System.Text.Json;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;

namespace PasidLedger.Api.Responses;

/// <summary>Response bodies built from read-model rows: those of queries, and those a command's reply carries (<see cref="ReplyBodies"/>).</summary>
public static class RowBodies
{
    public static CapacityBody Capacity(CapacityView v) => new(v.Pool, v.Capacity, v.Available, v.CapacityInstalled, v.Version);

    public static SetBody Set(SetView set, IReadOnlyList<RefcountView> members) => new(
        set.SetId, set.Type, set.Token, set.Quota, set.Count, set.State,
        [.. members.Select(r => new MemberBody(r.Id, r.Generation, r.State, r.Refs, r.Spid))],
        members.Where(r => r.Spid is not null).OrderBy(r => r.Spid)
            .ToDictionary(r => r.Spid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), r => (long)r.Id));

    public static RefcountBody Ioasid(RefcountView r) => new(r.Id, r.Generation, r.SetId, r.State, r.Refs, r.Holders, r.Spid, r.Private);

    public static NotifierBody Notifier(NotifierView n) => new(n.NotifierId, n.Name, n.Scope, n.SetId, n.Token, n.Priority, n.Endpoint,
        JsonSerializer.Deserialize<List<ReactionBody>>(n.ReactionsJson, LedgerJson.Options) ?? [], n.Active);
}
