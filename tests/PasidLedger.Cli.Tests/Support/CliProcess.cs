using System.Diagnostics;

namespace PasidLedger.Cli.Tests.Support;

/// <summary>
/// The CLI as a user runs it: the <c>pasidledger</c> apphost built next to the tests, in a process of its own, with
/// extra environment variables added to the tests' own. Needed where the command starts processes of itself.
/// </summary>
public static class CliProcess
{
    // A bound on liveness, not a timing claim: a command that hangs is killed and fails its test.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task<CliInvocation> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "pasidledger"), args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start pasidledger");
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(CancellationToken.None), process.StandardError.ReadToEndAsync(CancellationToken.None));
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pasidledger {string.Join(' ', args)} did not exit within {Patience}:\n{await stdout}\n{await stderr}");
        }

        return new CliInvocation(process.ExitCode, await stdout, await stderr);
    }
}
