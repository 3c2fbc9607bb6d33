using System.Collections.Concurrent;
using System.Diagnostics;
using PasidLedger.Cli.Commands;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// The repository's private PostgreSQL cluster: runs <c>&lt;repo&gt;/ops/pg start</c> (which installs
/// and initialises what is missing, or finds the cluster already running) and returns the
/// connection string it prints.
/// </summary>
internal static class PrivateCluster
{
    // A first start may apt-get install PostgreSQL and initdb the cluster.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public static async Task<string> StartAsync(TextWriter log, CancellationToken ct)
    {
        var root = RepositoryRoot() ?? throw new CliException(
            $"{DatabaseOptions.Missing}. (No PasidLedger.sln above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}, so ops/pg cannot be found.)");
        var script = Path.Combine(root, "ops", "pg");
        await log.WriteLineAsync($"no connection string configured: starting the private cluster with {script} start").ConfigureAwait(false);
        var start = new ProcessStartInfo(script) { ArgumentList = { "start" }, WorkingDirectory = root, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new CliException($"Cannot run {script}. {DatabaseOptions.Missing}");
        var lines = new ConcurrentQueue<string>();
        // Line by line, not to the end: the postmaster may inherit the pipe and keep it open.
        var pump = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                lines.Enqueue(line);
            }
        }, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        await Task.WhenAny(pump, Task.Delay(TimeSpan.FromSeconds(5), ct)).ConfigureAwait(false);
        var url = lines.LastOrDefault(line => line.StartsWith("Host=", StringComparison.Ordinal));
        return process.ExitCode == 0 && url is not null ? url : throw new CliException(
            $"`{script} start` exited with {process.ExitCode} without printing a connection string (see its messages above). {DatabaseOptions.Missing}");
    }

    /// <summary>The directory holding PasidLedger.sln, above the working directory or the executable.</summary>
    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PasidLedger.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
