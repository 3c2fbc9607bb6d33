using PasidLedger.Application.Ports;
using PasidLedger.Benchmarks.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;
using PasidLedger.Postgres;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Migrations;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Benchmarks.Rebuild;

/// <summary>
/// Seeds a pool stream for the rebuild benchmark: lifecycle commands decided by the domain, their
/// events committed through the pool store in chunks of about 1,000, each with a snapshot and the events'
/// history subjects but no read models (the rebuild reads events only; `ops/bench history` reads the
/// subjects and starts time travel from the snapshots). Usage: <c>rebuild-seed --connection CS --pool P --events N</c>.
/// </summary>
internal static class RebuildSeed
{
    /// <summary>Events per commit, each with a snapshot: the writer's default snapshot interval, so time travel starts as near as in production.</summary>
    private const int Chunk = 1_000;
    private const int InFlight = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection") ?? Environment.GetEnvironmentVariable("PASIDLEDGER_PG")
            ?? throw new InvalidOperationException("pass --connection or set PASIDLEDGER_PG");
        var pool = Option(args, "--pool") ?? "bench-rebuild";
        var target = long.Parse(Option(args, "--events") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        await using var dataSource = PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = connection });
        await new Migrator(dataSource, "public").MigrateAsync(CancellationToken.None);
        using var store = new PostgresPoolStore(dataSource);
        var existing = await new HistoryQueries(dataSource).StreamVersionAsync(pool, CancellationToken.None);
        if (existing >= target)
        {
            Console.WriteLine($"pool {pool} already has {existing} events");
            return 0;
        }

        if (existing > 0)
        {
            throw new InvalidOperationException($"pool {pool} has {existing} events, fewer than {target}; use another --pool");
        }

        var written = await SeedAsync(store, pool, target);
        Console.WriteLine($"seeded {written} events into pool {pool}");
        return 0;
    }

    private static async Task<long> SeedAsync(PostgresPoolStore store, string pool, long target)
    {
        var state = new PoolState();
        var pending = new List<PoolEvent>();
        pending.AddRange(PoolDriver.Apply(state, new CreatePool(pool)).Events);
        var setDecision = PoolDriver.Apply(state, new CreateSet(SetType.Mm, "mm:bench", 0));
        pending.AddRange(setDecision.Events);
        var setId = ((SetAllocated)setDecision.Reply!).SetId;
        var slots = new (uint Id, int Generation, int Stage)[InFlight];
        long version = 0;
        for (var step = 0; version + pending.Count < target; step++)
        {
            var slot = step % InFlight;
            var (id, generation, stage) = slots[slot];
            PoolCommand command = stage switch
            {
                0 => new AllocateIoasid(setId, 1, 0xF_FFFF, null),
                1 => new AttachSpid(id, 100u + (uint)slot, generation),
                2 => new AcquireRef(id, "vfio", setId, generation),
                3 => new ReleaseRef(id, "vfio", setId, generation),
                4 => new DetachSpid(id, generation),
                _ => new FreeIoasid(id, setId, generation),
            };
            var decision = PoolDriver.Apply(state, command);
            pending.AddRange(decision.Events);
            slots[slot] = decision.Reply is IoasidGranted g ? (g.Id, g.Generation, 1) : (id, generation, (stage + 1) % 6);
            if (pending.Count >= Chunk)
            {
                version = await AppendAsync(store, pool, version, pending, state);
            }
        }

        return await AppendAsync(store, pool, version, pending, state);
    }

    /// <summary>
    /// One optimistic group commit of <paramref name="events"/> with a snapshot of <paramref name="state"/> (which has them
    /// folded in) and no read models: the same append path the writer uses.
    /// </summary>
    private static async Task<long> AppendAsync(PostgresPoolStore store, string pool, long version, List<PoolEvent> events, PoolState state)
    {
        var now = DateTimeOffset.UtcNow;
        var recorded = events.Select((e, i) => new RecordedEvent(Guid.CreateVersion7(now), version + i + 1, e, now, Guid.CreateVersion7(now), null,
            Guid.CreateVersion7(now), "bench:rebuild-seed", null)).ToArray();
        await using var transaction = store.BeginOptimistic(pool, version);
        await transaction.CommitAsync(new PoolCommit(version, recorded, null, [], [], PoolSnapshots.Take(state)), CancellationToken.None);
        events.Clear();
        return version + recorded.Length;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
