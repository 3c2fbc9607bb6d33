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

    /// <summary>Runs before each step, given its action: a fault a test injects between two steps (a broker stopped, a process killed).</summary>
    public Func<string, CancellationToken, Task>? BeforeStep { get; set; }

    public Task<CommandResult> StepAsync(string actor, string action, Func<Task<CommandResult>> act, CancellationToken ct) =>
        RecordAsync(actor, action, act, result => result.Version, Describe, ct);

    public Task<ControlResult> StepAsync(string actor, string action, Func<Task<ControlResult>> act, CancellationToken ct) =>
        RecordAsync(actor, action, act, result => result.Version, Describe, ct);

    private async Task<T> RecordAsync<T>(string actor, string action, Func<Task<T>> act, Func<T, long> versionOf, Func<T, string> describe, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(act);
        await BeforeAsync(action, ct).ConfigureAwait(false);
        var from = LastVersion;
        var result = await act().ConfigureAwait(false);
        await SettleAsync(action, versionOf(result), ct).ConfigureAwait(false);
        _steps.Add(new ScenarioStep(actor, action, describe(result), from, LastVersion));
        return result;
    }

    private Task BeforeAsync(string action, CancellationToken ct) => BeforeStep?.Invoke(action, ct) ?? Task.CompletedTask;

    private long LastVersion => timeline.Events is { Count: > 0 } events ? events[^1].Version : 0;

    private Task SettleAsync(string action, long version, CancellationToken ct) =>
        timeline.WaitUntilAsync(events => events.Count > 0 && events[^1].Version >= version && LedgerTimeline.IsSettled(events),
            $"'{action}' and what it started to settle", settleWait, ct);

    private static string Describe(CommandResult result) =>
        result.Status == "ok" ? result.Outcome ?? "ok" : $"{result.Status}: {result.Reason} ({result.Errno})";

    private static string Describe(ControlResult result) =>
        result.Ok ? "ok" : $"refused: {result.Reason} ({result.Errno})";
}
