using System.Globalization;
using PasidLedger.Consumers.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// A played scenario as DOMAIN.md 5.5 draws a timeline, with a lane per actor: each step's own action (and its answer,
/// when it was not a plain success) in its actor's lane, then on the rows under it the events the step led to (its version
/// range), each in the lane of who caused it, with H's refs after every change.
/// </summary>
internal static class TimelineTable
{
    public static Table Of(IReadOnlyList<ScenarioStep> steps, IReadOnlyList<TimelineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(events);
        var table = new Table().Border(TableBorder.Square).AddColumn(new TableColumn("Step").RightAligned());
        foreach (var (_, header) in Lanes.Headers)
        {
            table.AddColumn(header);
        }

        table.AddColumn(new TableColumn("refs").RightAligned());
        int? refs = null;
        foreach (var (step, number) in steps.Select((step, index) => (step, index + 1)))
        {
            var answer = step.Outcome == "ok" ? string.Empty : $" → {step.Outcome}";
            table.AddRow(Row(number.ToString(CultureInfo.InvariantCulture), Lanes.OfActor(step.Actor), step.Action + answer, null));
            foreach (var e in events.Where(e => e.Version > step.FromVersion && e.Version <= step.ToVersion))
            {
                if (TimelineCell.Of(e) is not { } cell)
                {
                    continue;
                }

                var after = TimelineFacts.RefsAfter(e, refs);
                refs = after ?? refs;
                table.AddRow(Row(string.Empty, cell.Lane, cell.Text, after));
            }
        }

        return table;
    }

    private static IRenderable[] Row(string step, Lane lane, string text, int? refs) =>
    [
        new Text(step),
        .. Lanes.Headers.Select(column => new Text(column.Lane == lane ? text : string.Empty)),
        new Text(refs?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
    ];
}
