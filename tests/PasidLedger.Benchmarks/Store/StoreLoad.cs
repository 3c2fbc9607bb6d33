using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using PasidLedger.Application.Writing;
using PasidLedger.Benchmarks.Store.Naive;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres;
using PasidLedger.Postgres.Migrations;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Benchmarks.Store;

/// <summary>
/// <c>store</c>: a load generator, not a BenchmarkDotNet benchmark. Clients run IOASID lifecycles
/// through <see cref="PoolWriters"/> and <see cref="PostgresPoolStore"/> against one pool on a real
/// PostgreSQL; phase 1 runs them flat out (peak commands/s, p50/p99), phase 2 rate-limits them to
/// half of that peak and reports the latencies a caller sees at that load.
/// </summary>
internal static partial class StoreLoad
{

    public static async Task<int> RunAsync(string[] args)
    {
        if (StoreLoadOptions.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(StoreLoadOptions.Usage);
            return 2;
        }

        await using var dataSource = PostgresDataSourceFactory.Create(
            new PostgresOptions { ConnectionString = options.ConnectionString, SchemaName = options.Schema });
        await ResetSchemaAsync(options);
        await new Migrator(dataSource, options.Schema).MigrateAsync(CancellationToken.None);
        var store = new TimedPoolStore(new PostgresPoolStore(dataSource));
        await using var writers = new PoolWriters(store, new WriterOptions(), TimeProvider.System);
        var clients = await CreateClientsAsync((pool, envelope) => writers.SubmitAsync(pool, envelope), options.Clients, options.Pools);

        Print($"store load: {options.Clients} clients on {options.Pools} pool(s), lifecycle alloc > attach_spid > get > put > detach_spid > free");
        await StoreLoadPhase.RunAsync(clients, TimeSpan.FromSeconds(options.WarmupSeconds), null);
        store.Take();
        var peak = await StoreLoadPhase.RunAsync(clients, TimeSpan.FromSeconds(options.Seconds), null);
        Print($"peak: {peak.Describe()}");
        Print($"  {store.Take().Describe(peak.Commands)}");
        var half = await StoreLoadPhase.RunAsync(clients, TimeSpan.FromSeconds(options.Seconds), peak.Rate / 2);
        Print($"half load ({peak.Rate / 2:F0} commands/s scheduled): {half.Describe()}");
        Print($"  {store.Take().Describe(half.Commands)}");
        Print($"store-result peak_cps={peak.Rate:F1} peak_p50_ms={peak.P50:F2} peak_p99_ms={peak.P99:F2} "
            + $"half_target_cps={peak.Rate / 2:F1} half_cps={half.Rate:F1} half_p50_ms={half.P50:F2} half_p99_ms={half.P99:F2} half_service_p99_ms={half.ServiceP99:F2}");
        await RunNaivePeerAsync(dataSource, options);
        return 0;
    }

    /// <summary>The same clients and lifecycle through <see cref="NaiveMartenPeer"/>, flat out, in a schema of its own.</summary>
    private static async Task RunNaivePeerAsync(NpgsqlDataSource dataSource, StoreLoadOptions options)
    {
        using var peer = NaiveMartenPeer.Create(dataSource, options.Schema + "_naive");
        var clients = await CreateClientsAsync(peer.SubmitAsync, options.Clients, options.Pools);
        await StoreLoadPhase.RunAsync(clients, TimeSpan.FromSeconds(options.WarmupSeconds), null);
        var before = peer.Conflicts;
        var naive = await StoreLoadPhase.RunAsync(clients, TimeSpan.FromSeconds(options.Seconds), null);
        var retries = (peer.Conflicts - before) / (double)Math.Max(1, naive.Commands);
        Print($"naive Marten peer (one session per command, FetchForWriting, retry on conflict): {naive.Describe()}; {retries:F1} retries per command");
        Print($"naive-result cps={naive.Rate:F1}");
    }

    /// <summary>Clients go round-robin over the pools; each gets its own set in its pool.</summary>
    private static async Task<LifecycleClient[]> CreateClientsAsync(Func<string, CommandEnvelope, Task<CommandResult>> submit, int count, int pools)
    {
        for (var p = 0; p < pools; p++)
        {
            await SubmitAsync(submit, PoolName(p), new CreatePool(PoolName(p)));
        }

        var clients = new LifecycleClient[count];
        for (var i = 0; i < count; i++)
        {
            // Quota 0: unlimited and unreserved (D2); each client's SPIDs live in its own set.
            var pool = PoolName(i % pools);
            var setId = ((SetAllocated)(await SubmitAsync(submit, pool, new CreateSet(SetType.Null, null, 0))).Reply!).SetId;
            clients[i] = new LifecycleClient(envelope => submit(pool, envelope), setId, $"client-{i}");
        }

        return clients;
    }

    private static string PoolName(int index) => $"bench-host-{index}";

    private static async Task<CommandResult> SubmitAsync(Func<string, CommandEnvelope, Task<CommandResult>> submit, string pool, PoolCommand command)
    {
        var result = await submit(pool, new CommandEnvelope(command));
        return result.Failed ? throw new InvalidOperationException($"{command}: {result.Reason} {result.Detail}") : result;
    }

    /// <summary>Every run starts from an empty stream in its own schema.</summary>
    private static async Task ResetSchemaAsync(StoreLoadOptions options)
    {
        if (!SchemaName().IsMatch(options.Schema))
        {
            throw new ArgumentException($"Not a plain schema name: {options.Schema}");
        }

        await using var admin = NpgsqlDataSource.Create(options.ConnectionString);
        await using var drop = admin.CreateCommand($"drop schema if exists {options.Schema}, {options.Schema}_naive cascade");
        await drop.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    private static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
