using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Record text with the lists spelled out (the compiler's ToString prints only the list type).</summary>
public static class LedgerText
{
    public static string Of(PoolCommand command) => command switch
    {
        RegisterNotifier r => $"RegisterNotifier {{ Name = {r.Name}, Scope = {r.Scope}, SetId = {r.SetId}, Token = {r.Token}, Priority = {r.Priority}, Endpoint = {r.Endpoint}, Reactions = [{string.Join(", ", r.Reactions)}] }}",
        _ => $"{command}",
    };

    public static string Of(PoolEvent @event) => @event switch
    {
        NotificationPublished n => $"NotificationPublished {{ {n.Kind}, Id = {n.Id}.{n.Generation}, Spid = {n.Spid}, SetId = {n.SetId}, Private = {n.Private}, {n.Flags}, Recipients = [{string.Join(", ", n.Recipients)}] }}",
        NotifierRegistered r => $"NotifierRegistered {{ {r.NotifierId} {r.Name}, {r.Scope}, SetId = {r.SetId}, Token = {r.Token}, {r.Priority}, Active = {r.Active}, Reactions = [{string.Join(", ", r.Reactions)}] }}",
        _ => $"{@event}",
    };
}
