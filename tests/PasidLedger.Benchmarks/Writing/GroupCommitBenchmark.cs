using BenchmarkDotNet.Attributes;
using PasidLedger.Application.Writing;
using PasidLedger.Benchmarks.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Writing;

/// <summary>
/// The writer's CPU per command without a database: one group commit of 16 lifecycle commands
/// (one per client, as the store load's batches are) decided, folded, projected and built into
/// the Npgsql batch commands the optimistic transaction would send. What Npgsql then does to
/// send them is not in here; the store load measures that.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 4096)]
public class GroupCommitBenchmark
{
    public const int Clients = 16;
    private const string Pool = "bench";

    private readonly List<PendingCommand> batch = new(Clients);
    private readonly WriterOptions options = new();
    private BatchClient[] clients = [];
    private PoolState state = null!;

    /// <summary>With an idempotency key on every command: fingerprint and stored result JSON too.</summary>
    [Params(false, true)]
    public bool Keyed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        state = new PoolState();
        PoolDriver.Apply(state, new CreatePool(Pool));
        clients = [.. Enumerable.Range(0, Clients).Select(i =>
            new BatchClient(PoolDriver.CreateSet(state, new CreateSet(SetType.Null, null, 0)), $"client-{i}", Keyed))];
    }

    [Benchmark(OperationsPerInvoke = Clients)]
    public async Task<long> DecideAndBuild()
    {
        batch.Clear();
        foreach (var client in clients)
        {
            batch.Add(client.Next());
        }

        var tx = new UnsentPoolTransaction(Pool, state.Version);
        var results = await GroupCommit.CommitAsync(Pool, state, TimeProvider.System, tx, batch, options.SnapshotEvery, CancellationToken.None);
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i].Answered(results[i].Failed
                ? throw new InvalidOperationException("A lifecycle command was refused: the benchmark is broken.")
                : results[i]);
        }

        return state.Version;
    }
}
