using PasidLedger.Consumers.Control;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// Plays scenario steps one at a time: each step runs, then the recorder waits until the timeline holds the step's own
/// events and everything they started has settled (<see cref="LedgerTimeline.IsSettled"/>), so the next step starts from
/// the state the kernel would be in after its synchronous chain and queued work.
/// </summary>
public sealed class ScenarioRecorder(LedgerTimeline timeline, TimeSpan settleWait)
{
    private readonly List<ScenarioStep> _steps = [];

    public IReadOnlyList<ScenarioStep> Steps => _steps;

    public Task<CommandResult> StepAsync(string actor, string action, Func<Task<CommandResult>> act, CancellationToken ct) =>
        StepAsync(actor, action, act, result => (result.Version, Describe(result)), ct);

    public Task<ControlResult> StepAsync(string actor, string action, Func<Task<ControlResult>> act, CancellationToken ct) =>
        StepAsync(actor, action, act, result => (result.Version, Describe(result)), ct);

    private async Task<T> StepAsync<T>(string actor, string action, Func<Task<T>> act, Func<T, (long Version, string Outcome)> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(act);
        var from = LastVersion;
        var result = await act().ConfigureAwait(false);
        var (version, outcome) = read(result);
        await SettleAsync(action, version, ct).ConfigureAwait(false);
        _steps.Add(new ScenarioStep(actor, action, outcome, from, LastVersion));
        return result;
    }

    private long LastVersion => timeline.Events is { Count: > 0 } events ? events[^1].Version : 0;

    private Task SettleAsync(string action, long version, CancellationToken ct) =>
        timeline.WaitUntilAsync(events => events.Count > 0 && events[^1].Version >= version && LedgerTimeline.IsSettled(events),
            $"'{action}' and what it started to settle", settleWait, ct);

    private static string Describe(CommandResult result) =>
        result.Status == "ok" ? result.Outcome ?? "ok" : $"{result.Status}: {result.Reason} ({result.Errno})";

    private static string Describe(ControlResult result) =>
        result.Ok ? "ok" : $"refused: {result.Reason} ({result.Errno})";
}
