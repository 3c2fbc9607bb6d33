using System.Net.Http.Headers;
using Npgsql;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Tests.Support;
using PasidLedger.Postgres;
using PasidLedger.Postgres.Relay;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>
/// What the service needs to run as processes (<see cref="LedgerProcess"/>), with no service in the test process: this
/// class's schema on the assembly's PostgreSQL, a RabbitMQ broker of its own and token keys of its own. Every process it
/// starts runs on that schema and broker and accepts <see cref="TokenFor"/>'s tokens; the schema is dropped at the end.
/// </summary>
public sealed class ProcessLedger(PostgresServer server) : IBusLedger, IAsyncLifetime
{
    private readonly List<LedgerProcess> _started = [];
    private readonly string _tokenKey = TokenSettings.NewKey();
    private NpgsqlDataSource? _dataSource;

    public RabbitMqBroker Broker { get; } = new();

    public string Schema { get; } = $"t_{Guid.NewGuid():N}";

    public Uri BrokerUrl => new(Broker.Url);

    private NpgsqlDataSource DataSource =>
        _dataSource ??= PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = Schema });

    public string TokenFor(string caller) => LedgerApi.TokenFor(LedgerApi.TokenSettingsFor(_tokenKey), caller);

    /// <summary>Starts one more service process named <paramref name="name"/> (its PostgreSQL application name too) and waits until it is ready.</summary>
    public async Task<LedgerProcess> StartAsync(string name, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = $"pasidledger-{name}" };
        var ledger = await LedgerProcess.StartAsync(name, [$"--Postgres:SchemaName={Schema}"], new Dictionary<string, string>
        {
            ["Postgres__ConnectionString"] = connection.ConnectionString,
            ["Auth__Keys"] = _tokenKey,
            ["Bus__RabbitMq"] = Broker.Url,
        }, ct);
        lock (_started)
        {
            _started.Add(ledger);
        }

        return ledger;
    }

    /// <summary>Creates a pool through the last started process still running.</summary>
    public async Task<string> NewPoolAsync(CancellationToken ct)
    {
        LedgerProcess running;
        lock (_started)
        {
            running = _started.LastOrDefault(ledger => !ledger.HasExited) ?? throw new InvalidOperationException("no ledger process runs");
        }

        var pool = $"p-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = running.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(LedgerClient.Operator));
        using var created = await http.PutAsync($"/v1/pools/{pool}", null, ct);
        created.EnsureSuccessStatusCode();
        return pool;
    }

    /// <summary>
    /// Takes <paramref name="pool"/>'s relay lease as a service instance does (<see cref="PostgresRelayLeases"/>), on a
    /// connection of the test's own, waiting until it is free: no process relays the pool until the lease is disposed.
    /// </summary>
    public async Task<PostgresRelayLeases> HoldRelayLeaseAsync(string pool, CancellationToken ct)
    {
        var leases = new PostgresRelayLeases(DataSource);
        await Poll.UntilAsync(() => leases.TryTakeAsync(pool, ct), $"the relay lease of {pool} to be free", ct);
        return leases;
    }

    /// <summary>Kills every process started so far that still runs.</summary>
    public async Task StopAllAsync()
    {
        List<LedgerProcess> started;
        lock (_started)
        {
            started = [.. _started];
            _started.Clear();
        }

        foreach (var ledger in started)
        {
            await ledger.DisposeAsync();
        }
    }

    public ValueTask InitializeAsync() => Broker.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        await using (var drop = DataSource.CreateCommand($"drop schema if exists {Schema} cascade"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await DataSource.DisposeAsync();

        await Broker.DisposeAsync();
    }
}
