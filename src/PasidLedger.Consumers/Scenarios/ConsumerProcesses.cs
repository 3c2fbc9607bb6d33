using System.Diagnostics;
using PasidLedger.Consumers.Ledger;

namespace PasidLedger.Consumers.Scenarios;

/// <summary>
/// The consumer processes of one pool, each <c>pasidledger consumer &lt;kind&gt;</c> on its own: started with its own token
/// (in its environment, never on its command line) and the broker, their output kept per process, stopped by their own
/// PID (killed when <see cref="DisposeAsync"/> comes first).
/// </summary>
/// <param name="program">The program that runs the CLI (e.g. <c>dotnet</c>).</param>
/// <param name="cliArguments">Its arguments before <c>consumer</c> (e.g. the path of <c>pasidledger.dll</c>).</param>
/// <param name="stateDir">Where the consumers save their local state.</param>
public sealed class ConsumerProcesses(string program, IReadOnlyList<string> cliArguments, Uri broker, string stateDir) : IAsyncDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, ConsumerProcess> _running = new(StringComparer.Ordinal);

    /// <summary>Extra arguments for a consumer, by name, used whenever it is started (e.g. <c>--crash-after</c> for a fault test).</summary>
    public IDictionary<string, IReadOnlyList<string>> ArgumentsOf { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Starts consumer <paramref name="kind"/> for <paramref name="pool"/> as the principal of <paramref name="token"/>, and waits until it has registered and listens.</summary>
    public async Task StartAsync(string kind, string name, string pool, string token, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in cliArguments.Concat(["consumer", kind, "--pool", pool, "--state-dir", stateDir]).Concat(ArgumentsOf.TryGetValue(name, out var extra) ? extra : []))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PASIDLEDGER_TOKEN"] = token;
        start.Environment["PASIDLEDGER_RABBITMQ"] = broker.ToString();
        var process = new ConsumerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}"));
        _running[name] = process;
        await process.WaitUntilStartedAsync(StartWait, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the four consumers of <paramref name="cast"/> at once: the IOMMU (a component of the host, bound to no VM), and
    /// KVM, VDCM and VFIO acting for the VM; <paramref name="tokenFor"/> issues a component token for a principal and the mm
    /// it acts for (null: none).
    /// </summary>
    public Task StartCastAsync(Cast cast, Func<string, string?, string> tokenFor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cast);
        ArgumentNullException.ThrowIfNull(tokenFor);
        return Task.WhenAll(
            StartAsync("iommu", cast.Iommu, cast.Pool, tokenFor(cast.Iommu, null), ct),
            StartAsync("kvm", cast.Kvm, cast.Pool, tokenFor(cast.Kvm, cast.Mm), ct),
            StartAsync("vdcm", cast.Vdcm, cast.Pool, tokenFor(cast.Vdcm, cast.Mm), ct),
            StartAsync("vfio", cast.Vfio, cast.Pool, tokenFor(cast.Vfio, cast.Mm), ct));
    }

    /// <summary>The process id of consumer <paramref name="name"/>.</summary>
    public int PidOf(string name) => _running[name].Pid;

    /// <summary>What consumer <paramref name="name"/> has printed so far.</summary>
    public IReadOnlyList<string> Output(string name) => _running[name].Lines;

    /// <summary>Waits until consumer <paramref name="name"/> has ended by itself (a crash on demand), forgets it and returns what it printed.</summary>
    public async Task<IReadOnlyList<string>> WaitForExitAsync(string name, CancellationToken ct)
    {
        var process = _running[name];
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var lines = process.Lines;
        await KillAsync(name).ConfigureAwait(false);
        return lines;
    }

    /// <summary>Kills consumer <paramref name="name"/> at once (<c>kill -9</c>), as a crash would.</summary>
    public async Task KillAsync(string name)
    {
        if (_running.Remove(name, out var process))
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The state file consumer <paramref name="name"/> keeps for <paramref name="pool"/>.</summary>
    public string StateFileOf(string name, string pool) => Path.Combine(stateDir, LedgerLink.StateFileName(name, pool));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _running.Values)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        _running.Clear();
    }
}
