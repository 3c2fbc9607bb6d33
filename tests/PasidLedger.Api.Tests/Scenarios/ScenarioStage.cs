using Microsoft.Extensions.Logging.Abstractions;
using PasidLedger.Api.Tests.Support;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.Safety;
using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// One pool of the service under test with its four consumers, each <c>pasidledger consumer</c> in its own process over
/// the service's RabbitMQ, and the guest driver with its timeline of the pool's public events.
/// </summary>
public sealed class ScenarioStage : IAsyncDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("pasidledger-consumers-").FullName;

    private ScenarioStage(IBusLedger ledger, Cast cast, ScenarioBus bus)
    {
        Watch = new ReclaimWatch(bus.Bus, ledger.BrokerUrl, cast.Pool, cast.Components, Safety);
        Cast = cast;
        Bus = bus;
        Driver = new GuestDriver(bus, cast);
        Steps = new ScenarioRecorder(bus.Timeline, TimeSpan.FromSeconds(60));
        Consumers = new ConsumerProcesses("dotnet", [CliPath], ledger.BrokerUrl, _stateDir);
        Ledger = ledger;
    }

    public IBusLedger Ledger { get; }

    public Cast Cast { get; }

    public ScenarioBus Bus { get; }

    public GuestDriver Driver { get; }

    public ScenarioRecorder Steps { get; }

    public ConsumerProcesses Consumers { get; }

    /// <summary>Checks every consumer's tables against each reclaim of the pool as it happens.</summary>
    public SafetyChecker Safety { get; } = new(NullLogger<SafetyChecker>.Instance);

    public ReclaimWatch Watch { get; }

    /// <summary>The CLI the tests were built with (same configuration).</summary>
    public static string CliPath
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return RepositoryRoot.Combine(Path.Combine("src", "PasidLedger.Cli", "bin", framework.Parent!.Name, framework.Name, "pasidledger.dll"));
        }
    }

    /// <summary>A new pool with its timeline listening, then IOMMU, KVM, VDCM and VFIO started and registered.</summary>
    public static Task<ScenarioStage> StartAsync(IBusLedger ledger, CancellationToken ct) => StartAsync(ledger, _ => { }, ct);

    /// <summary>As <see cref="StartAsync(IBusLedger, CancellationToken)"/>, with <paramref name="prepare"/> setting up the consumers before they start.</summary>
    public static async Task<ScenarioStage> StartAsync(IBusLedger ledger, Action<ConsumerProcesses> prepare, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(ledger);
        var pool = await ledger.NewPoolAsync(ct);
        var cast = new Cast(pool);
        var bus = await ScenarioBus.StartAsync(new LedgerLink(pool, cast.Mm, ledger.TokenFor(cast.Mm), ledger.BrokerUrl), NullLoggerFactory.Instance, ct);
        var stage = new ScenarioStage(ledger, cast, bus);
        await stage.Watch.StartAsync(ct);
        prepare(stage.Consumers);
        await stage.Consumers.StartCastAsync(cast, (principal, mm) => ledger.TokenFor(mm is null ? principal : $"{principal} for {mm}"), ct);
        return stage;
    }

    /// <summary>Starts consumer <paramref name="name"/> in the pool (again, after it died: with its saved state), acting for <paramref name="mm"/> when given.</summary>
    public Task StartConsumerAsync(string kind, string name, string? mm, CancellationToken ct) =>
        Consumers.StartAsync(kind, name, Cast.Pool, Ledger.TokenFor(mm is null ? name : $"{name} for {mm}"), ct);

    /// <summary>Every reclaim was checked by the safety checker without a violation, and no consumer's table holds anything.</summary>
    public async Task ShouldHoldNothingAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var reclaims = Bus.Timeline.Events.Count(e => e.Type == "ioasid.reclaimed.v1");
        await Poll.UntilAsync(() => Task.FromResult(Watch.Checked >= reclaims), "the safety checker to check every reclaim", ct);
        Safety.Violations.ShouldBeEmpty();
        foreach (var name in Cast.Components)
        {
            (await Driver.ShowAsync(name, ct)).Holds.ShouldBeEmpty($"{name} still holds");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Watch.DisposeAsync();
        await Consumers.DisposeAsync();
        await Bus.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }
}
