using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.State;

namespace PasidLedger.Api.Responses;

/// <summary>Response bodies read from the pool state inside the writer, right after the command.</summary>
public static class StateBodies
{
    public static CapacityBody Capacity(PoolState state) =>
        new(state.Name!, state.Capacity, state.Available, state.CapacityInstalled, state.Version);

    /// <summary><c>install_capacity</c> is ignored once the capacity was set (DOMAIN.md 2.1, S2).</summary>
    public static InstallBody Install(PoolState state, Decision decision) =>
        new(state.Name!, state.Capacity, state.Available, state.CapacityInstalled, state.Version,
            decision.Rejection is { Ignored: true } ? "ignored" : "installed", decision.Rejection?.Reason.ToString());

    public static SetBody? Set(PoolState state, int setId)
    {
        if (!state.Sets.TryGetValue(setId, out var set))
        {
            return null;
        }

        var members = set.Members.Select(id => state.Find(id)!).Select(r =>
            new MemberBody(r.Id, r.Generation, ViewNames.Of(r.State), r.Refs, r.HasSpid ? r.Spid : null)).ToList();
        return new SetBody(set.SetId, ViewNames.Of(set.Type), set.Token, set.Quota, set.Count, ViewNames.Of(set.Lifecycle), members,
            set.IdsBySpid.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => (long)p.Value));
    }

    public static RefcountBody? Ioasid(PoolState state, uint id) =>
        state.Find(id) is { } r
            ? new RefcountBody(r.Id, r.Generation, r.SetId, ViewNames.Of(r.State), r.Refs,
                r.Holders.Entries.ToDictionary(e => e.Holder, e => e.Count), r.HasSpid ? r.Spid : null, r.Private)
            : null;

    /// <summary>The body of a call the kernel may ignore: "ignored" with the reason, else <paramref name="done"/>.</summary>
    public static OutcomeBody Outcome(Decision decision, string done) =>
        decision.Rejection is { Ignored: true } ignored ? new OutcomeBody("ignored", ignored.Reason.ToString()) : new OutcomeBody(done, null);
}
