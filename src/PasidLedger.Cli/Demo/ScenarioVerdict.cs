using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Cli.Demo;

/// <summary>One scenario's verdict: PASS when what the timeline and the consumers show is what DOMAIN.md gives, as one line.</summary>
internal sealed record ScenarioVerdict(bool Pass, string Line)
{
    /// <param name="holders">The consumers whose tables still name H (this generation) after the scenario.</param>
    public static ScenarioVerdict Judge(GuestScenario scenario, Cast cast, IReadOnlyList<ScenarioStep> steps, IReadOnlyList<TimelineEvent> events, uint h,
        IReadOnlyList<string> holders)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(cast);
        ArgumentNullException.ThrowIfNull(steps);
        var expected = DemoExpectation.For(scenario);
        var facts = new TimelineFacts(events, h);
        var faults = new List<string>();
        if (expected.Refs is { } refs ? !facts.Refs.SequenceEqual(refs) : facts.Refs is not [.., 0])
        {
            faults.Add($"expected refs {(expected.Refs is null ? "ending at 0" : string.Join(',', expected.Refs))}");
        }

        if (facts.Reclaims != 1)
        {
            faults.Add($"H reclaimed {facts.Reclaims} times");
        }

        if (holders.Count > 0)
        {
            faults.Add($"{string.Join(", ", holders)} still hold{(holders.Count == 1 ? "s" : string.Empty)} H");
        }

        if (!facts.NotificationKinds.SequenceEqual(expected.Notifications))
        {
            faults.Add($"expected notifications {string.Join(", ", expected.Notifications)}");
        }

        var quiet = string.Empty;
        if (expected.KvmQuietAfterTeardown)
        {
            // The scenario's only KVM step is the VM teardown.
            var teardown = steps.First(step => Lanes.OfActor(step.Actor) == Lane.Kvm).FromVersion;
            var heard = events.Count(e => e.Version > teardown && e.Type == "notification.published.v1" && (e.Recipients ?? []).Contains(cast.Kvm));
            quiet = heard == 0 ? "; KVM quiet after teardown" : string.Empty;
            if (heard > 0)
            {
                faults.Add($"{heard} notification(s) reached KVM after its teardown");
            }
        }

        var free = facts.NotificationKinds.Contains("FREE") ? string.Empty : " (no FREE)";
        var line = $"{(faults.Count == 0 ? "PASS" : "FAIL")} {scenario.Section} {scenario.Name}: refs {string.Join(',', facts.Refs)}; "
            + $"{(facts.Reclaims > 0 ? "reclaimed" : "NOT reclaimed")}; {(holders.Count == 0 ? "held by none" : $"held by {string.Join(", ", holders)}")}; "
            + $"{string.Join(" ", facts.NotificationKinds)}{free}{quiet}"
            + (faults.Count == 0 ? string.Empty : $" — {string.Join("; ", faults)}");
        return new ScenarioVerdict(faults.Count == 0, line);
    }

    /// <summary>A scenario that could not be played to its end (<paramref name="why"/>).</summary>
    public static ScenarioVerdict Unfinished(GuestScenario scenario, string why)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioVerdict(false, $"FAIL {scenario.Section} {scenario.Name}: not played to its end — {why}");
    }
}
