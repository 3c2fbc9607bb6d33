using System.Collections.Concurrent;
using System.Diagnostics;

namespace PasidLedger.Testing;

/// <summary>Runs the repository's <c>ops/pg start</c> for a suite's private cluster and returns the connection string it prints.</summary>
public static class OpsPg
{
    // Generous: a first start may apt-get install the server and initdb the cluster.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static string Command(int port, string dataDir) => $"ops/pg start --port {port} --dir {dataDir}";

    /// <summary>Starts (or finds running) the cluster; <paramref name="howToGetOne"/> ends every error message.</summary>
    public static async Task<string> StartAsync(int port, string dataDir, string howToGetOne)
    {
        var root = RepositoryRoot.Path;
        var script = Path.Combine(root, "ops", "pg");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} does not exist. {howToGetOne}");
        }

        var start = new ProcessStartInfo(script)
        {
            ArgumentList = { "start", "--port", $"{port}", "--dir", dataDir },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot run {script}. {howToGetOne}");
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        // Line by line, not to the end: the server inherits the pipes and would keep them open.
        var pumps = Task.WhenAll(Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr));
        var exited = await Task.Run(() => process.WaitForExit(StartTimeout)).ConfigureAwait(false);
        await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        var connectionString = stdout.LastOrDefault(line => line.StartsWith("Host=", StringComparison.Ordinal));
        if (exited && process.ExitCode == 0 && connectionString is not null)
        {
            return connectionString;
        }

        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        throw new InvalidOperationException(
            $"`{Command(port, dataDir)}` " + (exited ? $"exited with {process.ExitCode}" : $"did not finish within {StartTimeout}")
            + $" and printed no connection string. Its stderr:\n{string.Join('\n', stderr)}\n{howToGetOne}");
    }

    private static async Task Pump(StreamReader reader, ConcurrentQueue<string> lines)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lines.Enqueue(line);
        }
    }
}
