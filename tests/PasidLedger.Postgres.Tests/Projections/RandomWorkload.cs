using Npgsql;
using PasidLedger.Application.Writing;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>
/// Drives a pool through the real <see cref="PoolWriter"/> over <see cref="PostgresPoolStore"/> with
/// <see cref="RandomCommands"/>: commands are submitted in bursts without waiting, so group commits
/// hold several of them; some carry idempotency keys and some reuse an earlier key (a retry). A
/// shadow state decides each command in the same order, which is the writer's order (one queue per
/// pool), so the generator can aim at what exists.
/// </summary>
internal static class RandomWorkload
{
    public static async Task<WorkloadRun> RunAsync(NpgsqlDataSource dataSource, string pool, int seed, int commands, CancellationToken ct)
    {
        var generator = new RandomCommands(seed);
        var random = new Random(seed);
        var shadow = new PoolState();
        var keys = new List<string>();
        var (replayed, rejected) = (0, 0);
        var options = new WriterOptions { MaxBatch = 16, SnapshotEvery = 250 };
        await using (var writer = new PoolWriter(pool, new PostgresPoolStore(dataSource), options, TimeProvider.System))
        {
            var pending = new List<Task<CommandResult>> { writer.SubmitAsync(new CommandEnvelope(new CreatePool(pool)), ct) };
            Pool.EvolveAll(shadow, Pool.Decide(shadow, new CreatePool(pool)).Events);
            for (var submitted = 1; submitted < commands; submitted++)
            {
                var command = generator.Next(shadow);
                var key = random.Next(10) switch
                {
                    < 3 => $"key-{keys.Count}",
                    3 when keys.Count > 0 => keys[random.Next(keys.Count)], // a retry: replayed, not decided again
                    _ => null,
                };
                if (key is not null && keys.Contains(key))
                {
                    replayed++;
                }
                else
                {
                    keys.AddRange(key is null ? [] : [key]);
                    Pool.EvolveAll(shadow, Pool.Decide(shadow, command).Events);
                }

                pending.Add(writer.SubmitAsync(new CommandEnvelope(command, key, Caller: "workload"), ct));
                if (random.Next(12) == 0)
                {
                    rejected += (await Task.WhenAll(pending)).Count(r => r.Reason is not null && !r.Replayed);
                    pending.Clear();
                }
            }

            rejected += (await Task.WhenAll(pending)).Count(r => r.Reason is not null && !r.Replayed);
        }

        return new WorkloadRun(pool, shadow, replayed, rejected);
    }

    /// <summary>
    /// After <paramref name="run"/>, gives back any reserved capacity and adds a fresh set with one allocated,
    /// referenced, SPID-bound ID (SPID 4242), so a test has rows to tamper with; returns the ID.
    /// </summary>
    public static async Task<uint> AddHeldIoasidAsync(NpgsqlDataSource dataSource, WorkloadRun run, CancellationToken ct)
    {
        var state = run.Shadow;
        var reserved = state.Capacity - state.Available - state.Sets.Values.Where(s => !s.IsDestroyed).Sum(s => s.Quota);
        await using var writer = new PoolWriter(run.Pool, new PostgresPoolStore(dataSource), new WriterOptions(), TimeProvider.System);
        (await writer.SubmitAsync(new CommandEnvelope(new CancelCapacity(reserved)), ct)).Reason.ShouldBeNull();
        var set = await writer.SubmitAsync(new CommandEnvelope(new CreateSet(SetType.Null, null, 0)), ct);
        set.Reason.ShouldBeNull(set.Detail);
        var setId = set.Reply.ShouldBeOfType<SetAllocated>().SetId;
        var allocated = await writer.SubmitAsync(new CommandEnvelope(new AllocateIoasid(setId, 1, 400, "rec")), ct);
        allocated.Reason.ShouldBeNull(allocated.Detail);
        var id = allocated.Reply.ShouldBeOfType<IoasidGranted>().Id;
        (await writer.SubmitAsync(new CommandEnvelope(new AcquireRef(id, "iommu", setId)), ct)).Reason.ShouldBeNull();
        (await writer.SubmitAsync(new CommandEnvelope(new AttachSpid(id, 4242)), ct)).Reason.ShouldBeNull();
        return id;
    }
}
