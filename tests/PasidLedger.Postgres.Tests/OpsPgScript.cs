using System.Collections.Concurrent;
using System.Diagnostics;

namespace PasidLedger.Postgres.Tests;

/// <summary>Runs the repository's <c>ops/pg start</c> and returns the connection string it prints.</summary>
internal static class OpsPgScript
{
    public const int Port = 55441;
    public const string DataDir = ".data/pg-test-local";

    // Generous: a first start may apt-get install the server and initdb the cluster.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static async Task<string> StartAsync()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "ops", "pg");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} does not exist. {PostgresServerFixture.HowToGetOne}");
        }

        var start = new ProcessStartInfo(script)
        {
            ArgumentList = { "start", "--port", $"{Port}", "--dir", DataDir },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Cannot run {script}. {PostgresServerFixture.HowToGetOne}");
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        // Read line by line instead of to the end: a server child that inherited the pipes
        // would otherwise keep the read open for as long as it runs.
        var pumps = Task.WhenAll(Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr));
        var exited = await Task.Run(() => process.WaitForExit(StartTimeout));
        await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(5)));
        var url = stdout.LastOrDefault(line => line.StartsWith("Host=", StringComparison.Ordinal));
        if (!exited || process.ExitCode != 0 || url is null)
        {
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw new InvalidOperationException(
                $"`ops/pg start --port {Port} --dir {DataDir}` "
                + (exited ? $"exited with {process.ExitCode}" : $"did not finish within {StartTimeout}")
                + $" and printed no connection string. Its stderr:\n{string.Join('\n', stderr)}\n"
                + PostgresServerFixture.HowToGetOne);
        }

        return url;
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

        throw new InvalidOperationException(
            $"No PasidLedger.sln above {AppContext.BaseDirectory}, so ops/pg cannot be found. {PostgresServerFixture.HowToGetOne}");
    }
}
