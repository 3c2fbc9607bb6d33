using Spectre.Console;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// The console the table commands print on: stdout as it is when the command runs (the CLI tests redirect it),
/// as wide as the terminal, and wide enough that a piped table keeps one line per row.
/// </summary>
internal static class CliConsole
{
    private const int PipedWidth = 400;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
