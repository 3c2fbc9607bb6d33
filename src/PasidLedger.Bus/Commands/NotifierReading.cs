using PasidLedger.Application.Commands;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using DomainReaction = PasidLedger.Domain.Model.Reaction;

namespace PasidLedger.Bus.Commands;

/// <summary>Reads <see cref="RegisterNotifierCommand"/> with the checks of HTTP's <c>POST notifiers</c>; reaction actions in the wire format's camelCase.</summary>
internal static class NotifierReading
{
    public static CommandReading Read(RegisterNotifierCommand m)
    {
        var scope = CommandFields.Word<NotifierScope>(m.Scope);
        var priority = CommandFields.Word<Priority>(m.Priority);
        var reactions = m.Reactions.Select(r => (On: CommandFields.Word<NotificationKind>(r?.On), Action: CommandFields.CamelWord<ReactionAction>(r?.Action), r?.Holder)).ToList();
        return CommandReader.Checked(m.Pool, new RegisterNotifier(m.Name, scope ?? default, m.SetId, m.Token, priority ?? default, m.Endpoint,
                [.. reactions.Select(r => new DomainReaction(r.On ?? default, r.Action ?? default, r.Holder))]),
            ResultParts.Notifier,
            CommandFields.Text(m.Name, "name"),
            CommandFields.OptionalText(m.Endpoint, "endpoint", CommandFields.MaxEndpoint),
            scope is null ? "'scope' must be global, set or mm" : null,
            priority is null ? "'priority' must be cpu, iommu, device or last" : null,
            reactions.Any(r => r.On is null || r.Action is null)
                ? "each reaction needs 'on' (alloc|free|bind|unbind) and 'action' (get|put|queueWork|detachSpid|detachData|free)" : null,
            CommandReader.Handle(m.SetId, null),
            scope == NotifierScope.Set ? CommandFields.Required(m.SetId, "setId") : null,
            scope == NotifierScope.Mm ? CommandFields.Text(m.Token, "token") : null);
    }
}
