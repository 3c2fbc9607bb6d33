using System.Diagnostics;
using PasidLedger.Testing;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>Runs a program from the repository root and collects what it printed.</summary>
internal static class Script
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    // A bound on liveness, not a timing claim: a script that serves instead of exiting is killed and fails its test.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Runs <paramref name="program"/> (a path relative to the repository root, or a name on PATH).</summary>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var path = program.Contains('/', StringComparison.Ordinal) ? RepositoryRoot.Combine(program) : program;
        var start = new ProcessStartInfo(path, args)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {path}");
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not exit within {Patience}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
