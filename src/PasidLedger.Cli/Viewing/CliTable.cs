using Spectre.Console;

namespace PasidLedger.Cli.Viewing;

/// <summary>Spectre tables of plain text: cells are never read as markup, so tokens, holders and private data print as stored.</summary>
internal static class CliTable
{
    public static Table Of(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table();
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)));
        }

        return table;
    }
}
