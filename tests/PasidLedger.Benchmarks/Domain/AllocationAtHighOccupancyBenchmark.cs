using BenchmarkDotNet.Attributes;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Domain;

/// <summary>
/// One allocation in a pool of the default 2^20 IDs with 900,000 of the 1,048,575
/// allocatable IDs in use (the "90 % occupancy" target; 85.8 % of the space) and the
/// 148,575 holes laid out per <see cref="Holes"/>. Every ID was allocated and every hole
/// freed through Decide/Evolve, as in production.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AllocationAtHighOccupancyBenchmark
{
    private const int InUse = 900_000;
    private const uint MaxId = 0xF_FFFF;
    private const uint NarrowMin = MaxId - 0xFF;

    private PoolState state = null!;
    private int setId;
    private AllocateIoasid fullRange = null!;
    private AllocateIoasid narrowTop = null!;

    [Params(HoleLayout.Scattered, HoleLayout.UpperHalf)]
    public HoleLayout Holes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        state = new PoolState();
        PoolDriver.Apply(state, new CreatePool("bench"));
        var sets = Enumerable.Range(0, 4).Select(_ => PoolDriver.CreateSet(state, new CreateSet(SetType.Null, null, 0))).ToArray();
        for (var id = 1u; id <= MaxId; id++)
        {
            PoolDriver.Allocate(state, sets[id % sets.Length], 1, MaxId);
        }

        var firstHole = Holes == HoleLayout.Scattered ? 1u : 0x8_0000u;
        var candidates = Enumerable.Range((int)firstHole, (int)(MaxId - firstHole + 1)).Select(id => (uint)id).ToArray();
        new Random(20_200_601).Shuffle(candidates);
        foreach (var id in candidates.AsSpan(0, (int)MaxId - InUse))
        {
            PoolDriver.Apply(state, new FreeIoasid(id, sets[id % sets.Length]));
        }

        setId = sets[0];
        fullRange = new AllocateIoasid(setId, 1, MaxId, null);
        narrowTop = new AllocateIoasid(setId, NarrowMin, MaxId, null);
        if (state.Ioasids.Count != InUse || Pool.Decide(state, narrowTop).IsRejected)
        {
            throw new InvalidOperationException($"setup left {state.Ioasids.Count} IDs in use or no free ID in [{NarrowMin}, {MaxId}]");
        }
    }

    /// <summary>alloc then free of the same ID, both decided and folded: occupancy stays put.</summary>
    [Benchmark(Baseline = true)]
    public uint AllocateThenFree()
    {
        var grant = (IoasidGranted)PoolDriver.Apply(state, fullRange).Reply!;
        PoolDriver.Apply(state, new FreeIoasid(grant.Id, setId, grant.Generation));
        return grant.Id;
    }

    /// <summary>Decide only, lowest free ID in [1, 0xFFFFF].</summary>
    [Benchmark]
    public Decision DecideAllocateFullRange() => Pool.Decide(state, fullRange);

    /// <summary>Decide only, lowest free ID in the top 256 IDs.</summary>
    [Benchmark]
    public Decision DecideAllocateNarrowTop() => Pool.Decide(state, narrowTop);
}
