using System.Collections.Concurrent;
using System.Diagnostics;

namespace PasidLedger.Api.Tests.Support;

/// <summary>Starts this suite's private cluster with the repository's <c>ops/pg start</c> and returns the connection string it prints.</summary>
internal static class OpsPg
{
    public const int Port = 55442;
    public const string DataDir = ".data/pg-test-api";

    // Generous: a first start may apt-get install the server and initdb the cluster.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static string Command => $"ops/pg start --port {Port} --dir {DataDir}";

    public static async Task<string> StartAsync()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "ops", "pg");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} does not exist. {PostgresServer.HowToGetOne}");
        }

        var start = new ProcessStartInfo(script)
        {
            ArgumentList = { "start", "--port", $"{Port}", "--dir", DataDir },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot run {script}. {PostgresServer.HowToGetOne}");
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        // Line by line, not to the end: the server inherits the pipes and would keep them open.
        var pumps = Task.WhenAll(Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr));
        var exited = await Task.Run(() => process.WaitForExit(StartTimeout));
        await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(5)));
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
            $"`{Command}` " + (exited ? $"exited with {process.ExitCode}" : $"did not finish within {StartTimeout}")
            + $" and printed no connection string. Its stderr:\n{string.Join('\n', stderr)}\n{PostgresServer.HowToGetOne}");
    }

    private static async Task Pump(StreamReader reader, ConcurrentQueue<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Enqueue(line);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PasidLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PasidLedger.sln above {AppContext.BaseDirectory}, so ops/pg cannot be found. {PostgresServer.HowToGetOne}");
    }
}
