using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;

namespace PasidLedger.Consumers.Safety;

/// <summary>
/// Fails loudly when a consumer outlives the ledger's reclaim of an IOASID (DOMAIN.md 4.9: correctness rests on the
/// references alone): no consumer table may hold a reclaimed <c>(id, generation)</c>, and no simulated DMA may run on
/// one after that consumer's last release of it, that is without a reference the ledger counted. A later generation
/// of the same number is a different IOASID and is not checked.
/// </summary>
public sealed partial class SafetyChecker(ILogger<SafetyChecker> log)
{
    private readonly Lock _lock = new();
    private readonly List<SafetyViolation> _violations = [];

    /// <summary>Every violation found so far, in the order found.</summary>
    public IReadOnlyList<SafetyViolation> Violations
    {
        get
        {
            lock (_lock)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Checks the consumers' states, asked right after the ledger reclaimed <paramref name="id"/> of <paramref name="generation"/>; returns (and keeps) what it found.</summary>
    public IReadOnlyList<SafetyViolation> Check(uint id, int generation, IEnumerable<ComponentState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        List<SafetyViolation> found = [.. states.SelectMany(state => Held(state, id, generation).Concat(RanUnreferenced(state, id, generation)))];
        Report(found);
        return found;
    }

    /// <summary>Keeps and logs violations found outside <see cref="Check"/> (a consumer that could not be asked).</summary>
    public void Report(IReadOnlyList<SafetyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        lock (_lock)
        {
            _violations.AddRange(violations);
        }

        foreach (var violation in violations)
        {
            LogViolation(log, violation);
        }
    }

    /// <summary>Throws <see cref="SafetyViolationException"/> naming every violation found so far, if there is any.</summary>
    public void ThrowIfAny()
    {
        var violations = Violations;
        if (violations.Count > 0)
        {
            throw new SafetyViolationException(violations);
        }
    }

    private static IEnumerable<SafetyViolation> Held(ComponentState state, uint id, int generation) =>
        state.Holds.Where(held => held.Id == id && held.Generation == generation)
            .Select(held => new SafetyViolation(state.Name, held.Table, held.Entry, id, generation, "table still holds an IOASID the ledger reclaimed"));

    private static IEnumerable<SafetyViolation> RanUnreferenced(ComponentState state, uint id, int generation)
    {
        var lastRelease = state.Releases.Where(released => released.Id == id && released.Generation == generation)
            .Select(released => (long?)released.Step).Max();
        return state.DmaRuns.Where(run => run.Id == id && run.Generation == generation && (lastRelease is null || run.Step > lastRelease))
            .Select(run => new SafetyViolation(state.Name, "dma", $"{run.Queue} at step {run.Step}", id, generation, lastRelease is null
                ? "DMA ran on a reclaimed IOASID the component never released a reference on"
                : $"DMA ran after the component's last release (step {lastRelease}), without a reference the ledger counted"));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SAFETY VIOLATION: {Violation}")]
    private static partial void LogViolation(ILogger logger, SafetyViolation violation);
}
