using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Api.Auth;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.Scenarios;
using PasidLedger.Postgres;
using Spectre.Console;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// <c>pasidledger demo</c>: the guest-SVA lifecycles of <see cref="GuestScenarios.Demo"/> over the bus. It hosts the ledger
/// (<see cref="DemoLedger"/>), creates a fresh pool as an operator, starts IOMMU, KVM, VDCM and VFIO as
/// <c>pasidledger consumer</c> processes of this same CLI, and plays each scenario as the guest (<see cref="GuestDriver"/>),
/// printing it as a timeline table; then one verdict line per scenario. Exit code 1 when a verdict fails. Everything it
/// started is stopped before it returns.
/// </summary>
internal static class ServiceDemo
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(30);

    /// <summary>The timeline tables fit a terminal of this many columns.</summary>
    private const int TableWidth = 120;

    public static async Task<int> RunAsync(TextWriter output, PostgresOptions database, Uri broker, string pool, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = TableWidth;
        var clock = Stopwatch.StartNew();
        void Progress(string line) => output.WriteLine($"demo [{clock.Elapsed.TotalSeconds,5:0.0} s] {line}");
        Progress($"starting the ledger with its relay and bus endpoint (RabbitMQ {broker.Host}:{broker.Port}, schema {database.SchemaName})");
        await using var ledger = await DemoLedger.StartAsync(database, broker, ct).ConfigureAwait(false);
        Progress($"ledger listening on {ledger.Url}");
        await ledger.CreatePoolAsync(pool, ct).ConfigureAwait(false);
        var cast = new Cast(pool);
        Progress($"pool {pool} created (as an operator); VM {cast.Mm}, device {cast.Vdcm}");
        await using var bus = await ScenarioBus.StartAsync(new LedgerLink(pool, cast.Mm, ledger.TokenFor(cast.Mm, LedgerRoles.Vm), broker), NullLoggerFactory.Instance, ct)
            .ConfigureAwait(false);
        var stateDir = Directory.CreateTempSubdirectory("pasidledger-demo-").FullName;
        try
        {
            var self = CliProgram.Current();
            await using var consumers = new ConsumerProcesses(self.Program, self.Arguments, broker, stateDir);
            Progress($"starting the consumers {cast.Iommu}, {cast.Kvm}, {cast.Vdcm}, {cast.Vfio} (pasidledger consumer …)");
            await consumers.StartCastAsync(cast, (principal, mm) => ledger.TokenFor(principal, LedgerRoles.Component, mm), ct).ConfigureAwait(false);
            Progress($"consumers registered: {string.Join(", ", cast.Components.Select(name => $"{name} (pid {consumers.PidOf(name)})"))}");
            var verdicts = await PlayAsync(output, console, bus, cast, ct).ConfigureAwait(false);
            Progress("stopping the consumers and the ledger");
            output.WriteLine();
            foreach (var verdict in verdicts)
            {
                output.WriteLine(verdict.Line);
            }

            return verdicts.All(verdict => verdict.Pass) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    /// <summary>Plays the demo's scenarios in order; after one that cannot finish, the rest are not played.</summary>
    private static async Task<IReadOnlyList<ScenarioVerdict>> PlayAsync(TextWriter output, IAnsiConsole tables, ScenarioBus bus, Cast cast, CancellationToken ct)
    {
        var verdicts = new List<ScenarioVerdict>();
        var stopped = false;
        foreach (var scenario in GuestScenarios.Demo)
        {
            if (stopped)
            {
                verdicts.Add(ScenarioVerdict.Unfinished(scenario, "an earlier scenario did not finish"));
                continue;
            }

            output.WriteLine();
            output.WriteLine($"{scenario.Section} {scenario.Name}: {scenario.Title}");
            var steps = new ScenarioRecorder(bus.Timeline, SettleWait);
            var guest = new GuestDriver(bus, cast);
            try
            {
                var h = await scenario.Play(guest, steps, ct).ConfigureAwait(false);
                tables.Write(TimelineTable.Of(steps.Steps, bus.Timeline.Events));
                verdicts.Add(ScenarioVerdict.Judge(scenario, cast, steps.Steps, bus.Timeline.Events, h, await HoldersAsync(guest, cast, h, bus.Timeline.Events, ct).ConfigureAwait(false)));
            }
            catch (TimeoutException timeout)
            {
                tables.Write(TimelineTable.Of(steps.Steps, bus.Timeline.Events));
                verdicts.Add(ScenarioVerdict.Unfinished(scenario, timeout.Message));
                stopped = true;
            }
        }

        return verdicts;
    }

    /// <summary>The consumers whose local tables still name H of the generation the scenario allocated.</summary>
    private static async Task<IReadOnlyList<string>> HoldersAsync(GuestDriver guest, Cast cast, uint h, IReadOnlyList<TimelineEvent> events, CancellationToken ct)
    {
        var generation = new TimelineFacts(events, h).Generation;
        var holders = new List<string>();
        foreach (var name in cast.Components)
        {
            var state = await guest.ShowAsync(name, ct).ConfigureAwait(false);
            if (state.Holds.Any(held => held.Id == h && held.Generation == generation))
            {
                holders.Add(name);
            }
        }

        return holders;
    }
}
