using BenchmarkDotNet.Attributes;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Domain;

/// <summary>
/// Commands/s of the decide-and-fold path on a busy pool: a ring of IDs, each walking
/// alloc → attach_spid → get → put → detach_spid → free, with the ring staggered so
/// consecutive commands are of different kinds and about 1,000 IDs are always allocated.
/// </summary>
/// <remarks>
/// The invocation count is fixed (512 passes = 614,400 commands per iteration): the pilot stage
/// otherwise sizes iterations on still-unoptimised code and ends up with 50 ms iterations.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 512)]
public class MixedCommandStreamBenchmark
{
    /// <summary>Ring slots; five of six life-cycle stages hold an ID, so ~1,000 are in flight.</summary>
    public const int Slots = 1_200;

    private readonly IoasidLifecycle[] ring = new IoasidLifecycle[Slots];
    private PoolState state = null!;

    [GlobalSetup]
    public void Setup()
    {
        state = new PoolState();
        PoolDriver.Apply(state, new CreatePool("bench"));

        // KVM registers on its mm before the VM's set exists: pending, activated by CreateSet (V4 10/18).
        PoolDriver.Apply(state, new RegisterNotifier("kvm", NotifierScope.Mm, null, "vm", Priority.Cpu, null,
            [new Reaction(NotificationKind.Bind, ReactionAction.Get), new Reaction(NotificationKind.Unbind, ReactionAction.Put)]));
        int[] sets =
        [
            PoolDriver.CreateSet(state, new CreateSet(SetType.Mm, "vm", 0)),
            PoolDriver.CreateSet(state, new CreateSet(SetType.Mm, "vm-2", 4_096)),
            PoolDriver.CreateSet(state, new CreateSet(SetType.Null, null, 0)),
            PoolDriver.CreateSet(state, new CreateSet(SetType.Mm, "vm-3", 0)),
        ];
        PoolDriver.Apply(state, new RegisterNotifier("vdcm", NotifierScope.Set, sets[1], null, Priority.Device, null, []));
        PoolDriver.Apply(state, new RegisterNotifier("iommu", NotifierScope.Global, null, null, Priority.Iommu, null, []));

        for (var slot = 0; slot < Slots; slot++)
        {
            ring[slot] = new IoasidLifecycle(sets[slot % sets.Length], spid: (uint)slot + 1);
            for (var stage = 0; stage < slot % IoasidLifecycle.Stages; stage++)
            {
                ring[slot].Advance(state);
            }
        }

        var inFlight = Slots / IoasidLifecycle.Stages * (IoasidLifecycle.Stages - 1);
        if (state.Ioasids.Count != inFlight)
        {
            throw new InvalidOperationException($"{state.Ioasids.Count} IDs allocated after setup, expected {inFlight}");
        }
    }

    /// <summary>One pass over the ring: every slot issues its next command.</summary>
    [Benchmark(OperationsPerInvoke = Slots)]
    public long LifecycleMix()
    {
        foreach (var slot in ring)
        {
            slot.Advance(state);
        }

        return state.Version;
    }
}
