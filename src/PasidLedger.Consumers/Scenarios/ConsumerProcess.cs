using System.Diagnostics;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>One running consumer process and the lines it printed (stdout and stderr).</summary>
internal sealed class ConsumerProcess : IAsyncDisposable
{
    private const string Started = "Application started";
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConsumerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException($"consumer {Name} exited ({_process.ExitCode}) before it started:\n{string.Join('\n', Lines)}"));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Its process id.</summary>
    public int Pid => _process.Id;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public async Task WaitUntilStartedAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await _started.Task.WaitAsync(wait, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"consumer {Name} did not start within {wait.TotalSeconds:0} s:\n{string.Join('\n', Lines)}");
        }
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (line.Contains(Started, StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
