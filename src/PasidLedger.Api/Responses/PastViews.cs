using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.State;

namespace PasidLedger.Api.Responses;

/// <summary>Notifier rows of a past pool state (time travel), in the order the live query gives them; a set's members are <see cref="ReadModelProjector.Members"/>.</summary>
internal static class PastViews
{
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
