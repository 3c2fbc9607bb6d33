namespace PasidLedger.Consumers.Scenarios;

/// <summary>One step of a scenario: who did what, how it went, and the pool versions it (and what it led to) covers.</summary>
public sealed record ScenarioStep(string Actor, string Action, string Outcome, long FromVersion, long ToVersion);
