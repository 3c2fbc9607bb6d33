using System.Reflection;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// How to start this CLI again as a child process: the program that runs it (<c>Environment.ProcessPath</c>) and, when
/// that is the <c>dotnet</c> host rather than the <c>pasidledger</c> apphost, the path of the entry assembly before the
/// command's own arguments.
/// </summary>
internal sealed record CliProgram(string Program, IReadOnlyList<string> Arguments)
{
    public static CliProgram Current()
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(program) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? new CliProgram(program, [entry])
            : new CliProgram(program, []);
    }
}
