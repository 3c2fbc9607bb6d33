using System.CommandLine;

namespace PasidLedger.Cli.Tests.Support;

/// <summary>What one <c>pasidledger</c> invocation printed and answered.</summary>
public sealed record CliInvocation(int ExitCode, string Out, string Error)
{
    /// <summary>
    /// Runs the real command tree in-process, as <c>Program</c> does, with stdout and stderr captured.
    /// The assembly runs its tests one at a time, so no other test prints meanwhile.
    /// </summary>
    public static async Task<CliInvocation> InvokeAsync(IReadOnlyList<string> args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (consoleOut, consoleError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error };
            var exitCode = await CliRoot.Create().Parse([.. args]).InvokeAsync(configuration, TestContext.Current.CancellationToken);
            return new CliInvocation(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(consoleOut);
            Console.SetError(consoleError);
        }
    }

    /// <summary>The lines printed on stdout.</summary>
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>The tables printed on stdout, each as its rows of trimmed cells, the header row first.</summary>
    public IReadOnlyList<IReadOnlyList<string[]>> Tables => PrintedTables.Parse(Lines);

    /// <summary>Fails unless the command succeeded and printed nothing on stderr.</summary>
    public CliInvocation ShouldSucceed()
    {
        ExitCode.ShouldBe(0, $"stderr: {Error}");
        Error.ShouldBeEmpty();
        return this;
    }

    /// <summary>Fails unless the command failed with exactly one line on stderr, containing <paramref name="message"/>, and printed nothing on stdout.</summary>
    public void ShouldFailWith(string message)
    {
        ExitCode.ShouldNotBe(0, $"stdout: {Out}");
        Out.ShouldBeEmpty();
        Error.TrimEnd('\n').ShouldNotContain('\n', customMessage: $"one line: {Error}");
        Error.ShouldContain(message, Case.Sensitive);
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}
