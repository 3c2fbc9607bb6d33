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

    private ScenarioStage(BusLedgerApi api, Cast cast, ScenarioBus bus)
    {
        Watch = new ReclaimWatch(bus.Bus, new Uri(api.Broker.Url), cast.Pool, cast.Components, Safety);
        Cast = cast;
        Bus = bus;
        Driver = new GuestDriver(bus, cast);
        Steps = new ScenarioRecorder(bus.Timeline, TimeSpan.FromSeconds(60));
        Consumers = new ConsumerProcesses("dotnet", [CliPath], new Uri(api.Broker.Url), _stateDir);
        Api = api;
    }

    public BusLedgerApi Api { get; }

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
    public static async Task<ScenarioStage> StartAsync(BusLedgerApi api, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(api);
        var pool = (await api.NewClient().NewPoolAsync()).Name;
        var cast = new Cast(pool);
        var bus = await ScenarioBus.StartAsync(new LedgerLink(pool, cast.Mm, api.TokenFor(cast.Mm), new Uri(api.Broker.Url)), NullLoggerFactory.Instance, ct);
        var stage = new ScenarioStage(api, cast, bus);
        await stage.Watch.StartAsync(ct);
        await stage.Consumers.StartCastAsync(cast, (principal, mm) => api.TokenFor(mm is null ? principal : $"{principal} for {mm}"), ct);
        return stage;
    }

    public async ValueTask DisposeAsync()
    {
        await Watch.DisposeAsync();
        await Consumers.DisposeAsync();
        await Bus.DisposeAsync();
        Directory.Delete(_stateDir, recursive: true);
    }
}
