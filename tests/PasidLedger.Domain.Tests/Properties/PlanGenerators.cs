using FsCheck;
using FsCheck.Fluent;
using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>FsCheck generators of command plans; every <see cref="CommandKind"/> has a weight.</summary>
public static class PlanGenerators
{
    private static readonly (int Weight, CommandKind Kind)[] Weights =
    [
        (1, CommandKind.CreatePool),
        (1, CommandKind.InstallCapacity),
        (2, CommandKind.ReserveCapacity),
        (2, CommandKind.CancelCapacity),
        (6, CommandKind.CreateSet),
        (2, CommandKind.AdjustSetQuota),
        (2, CommandKind.FreeSet),
        (2, CommandKind.ReleaseSet),
        (2, CommandKind.FreeAllInSet),
        (15, CommandKind.AllocateIoasid),
        (8, CommandKind.AcquireRef),
        (3, CommandKind.AcquireRefIfOwned),
        (11, CommandKind.ReleaseRef),
        (7, CommandKind.FreeIoasid),
        (3, CommandKind.AttachPrivate),
        (2, CommandKind.DetachPrivate),
        (6, CommandKind.AttachSpid),
        (4, CommandKind.DetachSpid),
        (4, CommandKind.AcquireRefBySpid),
        (5, CommandKind.RegisterNotifier),
        (2, CommandKind.UnregisterNotifier),
        (2, CommandKind.QueueWork),
        (4, CommandKind.CompleteWork),
        (2, CommandKind.AcknowledgeNotification),
    ];

    public static IEnumerable<CommandKind> WeightedKinds => Weights.Select(weight => weight.Kind);

    public static Gen<PlanStep> Step { get; } =
        from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))).ToArray())
        from low in Gen.Choose(0, int.MaxValue)
        from high in Gen.Choose(0, int.MaxValue)
        select new PlanStep(kind, low, high);

    public static Gen<PoolOptions> Options { get; } =
        from dispatch in Gen.Elements(DispatchPolicy.PerChainGlobalFirst, DispatchPolicy.MergedByPriority)
        from autoDestroy in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new PoolOptions(dispatch, autoDestroy);

    /// <summary>Small installed capacities (16–64) often, so IDs and quota run out; otherwise the 2^20 default.</summary>
    public static Gen<long?> StartCapacity { get; } =
        Gen.Frequency((3, Gen.Constant<long?>(null)), (2, Gen.Choose(16, 64).Select(total => (long?)total)));

    public static Gen<RunPlan> Run(int steps) =>
        from options in Options
        from capacity in StartCapacity
        from plan in Gen.ArrayOf(Step, steps)
        select new RunPlan(options, capacity, plan);

    /// <summary>Plans without a shrinker: <see cref="Counterexample"/> shrinks the concrete commands instead.</summary>
    public static Arbitrary<RunPlan> Runs(int steps) => Arb.From(Run(steps));
}
