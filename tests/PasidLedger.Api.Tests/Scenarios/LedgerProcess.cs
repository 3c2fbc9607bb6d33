using System.Diagnostics;
using System.Net;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// The service as a process of its own: <c>dotnet pasidledger.dll serve</c> (<see cref="ScenarioStage.CliPath"/>) on a free
/// loopback port. Its connection string, token keys and broker are in its environment (never on its command line); its
/// output is kept with the moment each line arrived. Ready once it says it started and <c>/health</c> answers; killed with
/// SIGKILL (<see cref="KillAsync"/>) or when disposed, always by its own PID.
/// </summary>
public sealed class LedgerProcess : IAsyncDisposable
{
    private const string Started = "Application started";
    private const string Listening = "Now listening on: ";
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<(long At, string Line)> _lines = [];

    private LedgerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>Its HTTP address, once started.</summary>
    public Uri Url => Line(Listening) is { } line
        ? new Uri(line[(line.IndexOf(Listening, StringComparison.Ordinal) + Listening.Length)..].Trim())
        : throw new InvalidOperationException($"ledger {Name} has not said where it listens yet");

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines.Select(line => line.Line)];
            }
        }
    }

    /// <summary>Starts <c>serve</c> with <paramref name="environment"/> added to its environment, and waits until it is ready.</summary>
    public static async Task<LedgerProcess> StartAsync(string name, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ScenarioStage.CliPath, "serve", "--urls", "http://127.0.0.1:0" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var ledger = new LedgerProcess(name, Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        try
        {
            await ledger.WaitUntilReadyAsync(ct);
            return ledger;
        }
        catch
        {
            await ledger.DisposeAsync();
            throw;
        }
    }

    /// <summary>When (<see cref="Stopwatch.GetTimestamp"/>) the first line containing <paramref name="text"/> arrived, or null.</summary>
    public long? ArrivalOf(string text)
    {
        lock (_lines)
        {
            return _lines.FirstOrDefault(line => line.Line.Contains(text, StringComparison.Ordinal)) is { Line: not null } found ? found.At : null;
        }
    }

    /// <summary>Kills it at once (SIGKILL, the whole process tree), as a crash would; returns when (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public async Task<long> KillAsync()
    {
        var at = Stopwatch.GetTimestamp();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return at;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private string? Line(string text)
    {
        lock (_lines)
        {
            return _lines.Select(line => line.Line).FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient();
        var deadline = Stopwatch.GetTimestamp();
        while (ArrivalOf(Started) is null || ArrivalOf(Listening) is null || !await HealthyAsync(http, ct))
        {
            if (_process.HasExited || Stopwatch.GetElapsedTime(deadline) > StartWait)
            {
                throw new InvalidOperationException($"ledger {Name} did not start (exited: {_process.HasExited}):\n{string.Join('\n', Output)}");
            }

            await Task.Delay(50, ct);
        }
    }

    private async Task<bool> HealthyAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            using var answer = await http.GetAsync(new Uri(Url, "/health"), ct);
            return answer.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add((Stopwatch.GetTimestamp(), line));
            }
        }
    }
}
