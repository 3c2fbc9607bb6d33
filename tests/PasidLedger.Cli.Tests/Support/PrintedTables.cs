namespace PasidLedger.Cli.Tests.Support;

/// <summary>Reads Spectre tables back from printed lines: a table starts at its top border, a row is a line between '│' borders.</summary>
internal static class PrintedTables
{
    private const char Top = '┌';
    private const char Side = '│';

    public static IReadOnlyList<IReadOnlyList<string[]>> Parse(IEnumerable<string> lines)
    {
        var tables = new List<List<string[]>>();
        foreach (var line in lines)
        {
            if (line.StartsWith(Top))
            {
                tables.Add([]);
            }
            else if (line.StartsWith(Side) && tables.Count > 0)
            {
                tables[^1].Add([.. line.Trim(Side).Split(Side).Select(cell => cell.Trim())]);
            }
        }

        return tables;
    }
}
