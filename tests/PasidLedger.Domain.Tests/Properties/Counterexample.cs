using System.Diagnostics;
using System.Globalization;
using System.Text;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// Shrinks a failing command sequence by removing chunks (halves, quarters, … single commands) while
/// the same check still fails, then describes the minimal sequence and its last decision.
/// </summary>
public static class Counterexample
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public static CounterexampleException From(IReadOnlyList<PoolCommand> commands, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(failure);
        var key = KeyOf(failure);
        var minimal = Shrink([.. commands], key);
        var (run, last) = Reproduce(minimal);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{(last ?? failure).Message}\n")
            .Append(CultureInfo.InvariantCulture, $"Minimal counterexample ({minimal.Count} of {commands.Count} commands):\n");
        foreach (var (command, index) in minimal.Select((command, index) => (command, index)))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {index + 1,3}. {LedgerText.Of(command)}\n");
        }

        var lastEvents = run.Events.Skip(Math.Max(0, run.Events.Count - 12));
        text.Append("Last events folded:\n").AppendJoin('\n', lastEvents.Select(e => $"  {LedgerText.Of(e)}")).Append('\n');
        if (last is not InvariantViolationException)
        {
            text.Append(CultureInfo.InvariantCulture, $"Exception: {last ?? failure}\n");
        }

        return new CounterexampleException(text.ToString(), failure);
    }

    private static List<PoolCommand> Shrink(List<PoolCommand> commands, string key)
    {
        var clock = Stopwatch.StartNew();
        var chunk = Math.Max(1, commands.Count / 2);
        while (clock.Elapsed < Budget)
        {
            var progress = false;
            for (var start = commands.Count - chunk; start >= 0 && clock.Elapsed < Budget; start -= chunk)
            {
                var candidate = commands.Take(start).Concat(commands.Skip(start + chunk)).ToList();
                if (Reproduce(candidate).Failure is { } failure && KeyOf(failure) == key)
                {
                    commands = candidate;
                    progress = true;
                }
            }

            if (chunk == 1 && !progress)
            {
                break;
            }

            chunk = Math.Max(1, chunk / 2);
        }

        return commands;
    }

    private static (LedgerRun Run, Exception? Failure) Reproduce(IReadOnlyList<PoolCommand> commands)
    {
        var run = new LedgerRun();
        try
        {
            foreach (var command in commands)
            {
                run.Execute(command);
            }

            run.VerifyReplay();
            return (run, null);
        }
        catch (Exception failure) when (failure is InvariantViolationException or SystemException)
        {
            return (run, failure);
        }
    }

    private static string KeyOf(Exception failure) =>
        failure is InvariantViolationException violation ? violation.Check : failure.GetType().FullName ?? "exception";
}
