using PasidLedger.Application.ReadModels;
using PasidLedger.Domain;
using PasidLedger.Domain.State;

namespace PasidLedger.Cli.Demo;

/// <summary><c>demo --in-memory</c>: plays the script against the pure domain, no database, and prints the timeline.</summary>
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
            output.WriteLine(DemoText.Step(++step, line));
            if (decision.Rejection is { } rejection)
            {
                output.WriteLine(DemoText.Rejection(rejection.Reason, rejection.Errno, rejection.Ignored, rejection.Detail));
            }

            foreach (var @event in decision.Events)
            {
                output.WriteLine(DemoText.Event(@event));
            }

            foreach (var refused in decision.ReactionRejections)
            {
                output.WriteLine($"      reaction refused: {refused.Notifier} {refused.Action} on {refused.On}: {refused.Rejection.Reason}");
            }

            var h = state.Find(GuestLifecycleScript.H);
            output.WriteLine(DemoText.Refs(h is null ? null : ReadModelProjector.Refcount(state, h)));
        }

        PrintFinal(output, state);
        return 0;
    }

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
