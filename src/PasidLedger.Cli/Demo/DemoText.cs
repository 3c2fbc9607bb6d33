using System.Globalization;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;

namespace PasidLedger.Cli.Demo;

/// <summary>How both demos print a timeline: the step, the events, the notifications and the refs of H.</summary>
internal static class DemoText
{
    public static string Step(int number, DemoStep step) => $"{number,2}. {step.Actor,-6} {step.Action}";

    /// <summary>An event under its persisted name with its compact JSON; a notification as its ordered recipient list.</summary>
    public static string Event(PoolEvent @event) => @event is NotificationPublished n
        ? $"      notify {n.Kind.ToString().ToUpperInvariant()}(id {n.Id}, spid {Spid(n.Spid)}) → [{string.Join(", ", n.Recipients)}]"
        : $"      {EventNames.Of(@event),-28} {EventSerializer.Serialize(@event).Body}";

    public static string Rejection(RejectionReason reason, Errno errno, bool ignored, string? detail) =>
        $"      {(ignored ? "ignored" : "rejected")}: {reason} ({errno.Negated()} {errno}) {detail}";

    /// <summary>The refs line of H, from a refcount view row (null: H is not allocated).</summary>
    public static string Refs(RefcountView? row) => row is null
        ? "      H: free (not allocated)"
        : $"      H: refs {row.Refs} {row.State} [{string.Join(", ", row.Holders.Select(h => $"{h.Key}×{h.Value}"))}]";

    public static string Spid(uint spid) => spid == Ioasid.Invalid ? "INVALID" : spid.ToString(CultureInfo.InvariantCulture);
}
