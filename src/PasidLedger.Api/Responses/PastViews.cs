using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.State;

namespace PasidLedger.Api.Responses;

/// <summary>Read-model rows of a past pool state (time travel), in the order the live queries give them.</summary>
internal static class PastViews
{
    /// <summary>The IOASIDs of a set, by ID, as <c>refcount_view</c> lists them.</summary>
    public static List<RefcountView> Members(PoolState state, int setId) =>
        [.. state.Ioasids.Values.Where(r => r.SetId == setId).OrderBy(r => r.Id).Select(r => ReadModelProjector.Refcount(state, r))];

    /// <summary>The registrations in the live list's order: global chain first, active first, by set, priority, chain order and id.</summary>
    public static List<NotifierView> Notifiers(PoolState state) =>
    [
        .. state.Notifiers.Values
            .OrderBy(n => n.Scope != Domain.Model.NotifierScope.Global)
            .ThenByDescending(n => n.Active)
            .ThenBy(n => n.SetId.HasValue)
            .ThenBy(n => n.SetId)
            .ThenByDescending(n => (int)n.Priority)
            .ThenBy(n => n.ChainOrder)
            .ThenBy(n => n.NotifierId)
            .Select(n => ReadModelProjector.Notifier(state, n)),
    ];
}
