namespace PasidLedger.Consumers.Scenarios;

/// <summary>A scripted guest-SVA scenario: its name, DOMAIN.md section and what it plays; <see cref="GuestScenarios"/> has them.</summary>
public sealed record GuestScenario(string Name, string Section, string Title, Func<GuestDriver, ScenarioRecorder, CancellationToken, Task<uint>> Play);
