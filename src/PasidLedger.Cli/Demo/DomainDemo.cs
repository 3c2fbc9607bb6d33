using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Cli.Demo;

/// <summary>Plays a script against the pure domain and prints the timeline, notifications and final views.</summary>
internal static class DomainDemo
{
    public static int Run(TextWriter output, string pool)
    {
        var state = new PoolState();
        var step = 0;
        foreach (var line in GuestLifecycleScript.Steps(pool))
        {
            var decision = Pool.Decide(state, line.Command);
            Pool.EvolveAll(state, decision.Events);
            output.WriteLine($"{++step,2}. {line.Actor,-6} {line.Action}");
            Print(output, decision);
            output.WriteLine(Refs(state, 1));
        }

        PrintFinal(output, state);
        return 0;
    }

    private static void Print(TextWriter output, Decision decision)
    {
        if (decision.Rejection is { } rejection)
        {
            var verdict = rejection.Ignored ? "ignored" : "rejected";
            output.WriteLine($"      {verdict}: {rejection.Reason} ({rejection.Errno.Negated()} {rejection.Errno}) {rejection.Detail}");
        }

        foreach (var @event in decision.Events)
        {
            output.WriteLine(@event is NotificationPublished n
                ? $"      notify {n.Kind.ToString().ToUpperInvariant()}(id {n.Id}, spid {Spid(n.Spid)}) → [{string.Join(", ", n.Recipients)}]"
                : $"      {EventNames.Of(@event),-28} {EventSerializer.Serialize(@event).Body}");
        }

        foreach (var refused in decision.ReactionRejections)
        {
            output.WriteLine($"      reaction refused: {refused.Notifier} {refused.Action} on {refused.On}: {refused.Rejection.Reason}");
        }
    }

    private static string Refs(PoolState state, uint id) =>
        state.Find(id) is { } record ? $"      H: refs {record.Refs} {record.State} [{Holders(record)}]" : "      H: free (not allocated)";

    private static string Holders(IoasidRecord record) =>
        string.Join(", ", record.Holders.Entries.Select(entry => $"{entry.Holder}×{entry.Count}"));

    private static string Spid(uint spid) => spid == Ioasid.Invalid ? "INVALID" : spid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void PrintFinal(TextWriter output, PoolState state)
    {
        output.WriteLine();
        output.WriteLine($"final: capacity {state.Capacity}, available {state.Available}, version {state.Version}, work queued {state.Work.Count}");
        foreach (var set in state.Sets.Values)
        {
            output.WriteLine($"set {set.SetId} {set.Type} {set.Token} quota {set.Quota}: {set.Lifecycle}, {set.Count} members");
        }

        foreach (var registration in state.PendingList)
        {
            output.WriteLine($"pending list: {registration.Name} for {registration.Token} {(registration.Active ? "ACTIVE" : "INACTIVE")}");
        }
    }
}
