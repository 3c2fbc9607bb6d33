using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// Turns a <see cref="PlanStep"/> into a command against the current state: mostly meaningful
/// (allocated IDs, live sets, current holders and generations), sometimes random, stale or invalid.
/// </summary>
public static partial class CommandPlanner
{
    public static readonly IReadOnlyList<string> Tokens = ["mmA", "mmB", "mmC", "mmD", "mmE", "mmF"];

    /// <summary>Holder names; the notifier names are the same, so a reaction's default holder can be put by hand.</summary>
    public static readonly IReadOnlyList<string> Holders = ["core", "kvm", "vdcm", "iommu", "uapi"];

    public static readonly IReadOnlyList<string> NotifierNames = ["kvm", "vdcm", "iommu", "uapi"];

    public static PoolCommand Plan(PoolState state, PlanStep step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        var dice = step.Dice();
        return step.Kind switch
        {
            CommandKind.CreatePool => new CreatePool(dice.Chance(90) ? "pool" : "", RandomOptions(dice)),
            CommandKind.InstallCapacity => new InstallCapacity(dice.Pick<long>([16, 32, 64, 4096, 1 << 20, 0, -1, (1L << 31) + 1])),
            CommandKind.ReserveCapacity => new ReserveCapacity(dice.Chance(12) ? 0 : dice.Pick<long>([1, 2, 3, 5, 8, -1, 1 << 21])),
            CommandKind.CancelCapacity => new CancelCapacity(CancelCount(state, dice)),
            CommandKind.CreateSet => CreateSet(dice),
            CommandKind.AdjustSetQuota => new AdjustSetQuota(PickSetId(state, dice), dice.Pick<long>([-1, 0, 1, 2, 3, 4, 6, 8, 12])),
            CommandKind.FreeSet => new FreeSet(PickSetId(state, dice)),
            CommandKind.ReleaseSet => new ReleaseSet(PickSetId(state, dice)),
            CommandKind.FreeAllInSet => new FreeAllInSet(PickSetId(state, dice)),
            CommandKind.RegisterNotifier => RegisterNotifier(state, dice),
            CommandKind.UnregisterNotifier => new UnregisterNotifier(PickNotifierId(state, dice), dice.Chance(50) ? UnregisterVia.Mm : UnregisterVia.Set),
            CommandKind.QueueWork => QueueWork(state, dice),
            CommandKind.CompleteWork => new CompleteWork(PickWorkId(state, dice)),
            CommandKind.AcknowledgeNotification => AcknowledgeNotification(state, dice),
            _ => PlanIoasid(state, step.Kind, dice),
        };
    }

    public static PoolOptions RandomOptions(Dice dice) =>
        new(dice.Chance(30) ? DispatchPolicy.MergedByPriority : DispatchPolicy.PerChainGlobalFirst, AutoDestroyWhenEmpty: dice.Chance(25));

    /// <summary>A live set most of the time; otherwise a small number that may be unknown or destroyed.</summary>
    public static int PickSetId(PoolState state, Dice dice)
    {
        var live = state.Sets.Values.Where(set => !set.IsDestroyed).Select(set => set.SetId).Order().ToArray();
        return live.Length > 0 && dice.Chance(88) ? dice.Pick(live) : dice.Next(9) - 1;
    }

    /// <summary>An allocated ID most of the time; otherwise 0..71 (ID 0, free and reclaimed numbers).</summary>
    public static uint PickId(PoolState state, Dice dice) =>
        state.Ioasids.Count > 0 && dice.Chance(88) ? dice.Pick(state.Ioasids.Keys.Order().ToArray()) : (uint)dice.Next(72);

    /// <summary>No generation (unchecked), the current one, or a stale/future one (R18).</summary>
    public static int? PickGeneration(PoolState state, uint id, Dice dice) => dice.Next(10) switch
    {
        < 6 => null,
        < 9 => state.Find(id)?.Generation ?? state.LastGeneration(id),
        _ => state.LastGeneration(id) + (dice.Chance(50) ? -1 : 1),
    };

    /// <summary>The owning set, NULL, or some other set.</summary>
    public static int? PickOwner(PoolState state, uint id, Dice dice) => dice.Next(100) switch
    {
        < 78 when state.Find(id) is { } record => record.SetId,
        < 89 => null,
        _ => PickSetId(state, dice),
    };

    private static CreateSet CreateSet(Dice dice)
    {
        var type = dice.Next(100) switch { < 60 => SetType.Mm, < 96 => SetType.Null, _ => (SetType)3 };
        var token = type == SetType.Null
            ? (dice.Chance(92) ? null : "mmA")
            : (dice.Chance(92) ? dice.Pick(Tokens) : null);
        var quota = dice.Chance(4) ? dice.Pick<long>([-1, 1 << 21]) : dice.Pick<long>([0, 0, 0, 1, 2, 3, 4, 6, 8, 16]);
        return new CreateSet(type, token, quota);
    }

    /// <summary>
    /// The outstanding reservations, part of them, or an invalid count. Never more than was reserved
    /// but within capacity: the core trusts callers there (DOMAIN.md 2.1) and P1 then breaks at the
    /// next set destruction, see <see cref="CapacityRegressionTests"/>.
    /// </summary>
    private static long CancelCount(PoolState state, Dice dice)
    {
        var quotas = state.Sets.Values.Where(set => !set.IsDestroyed).Sum(set => set.Quota);
        var reserved = state.Capacity - state.Available - quotas;
        return dice.Next(10) switch
        {
            < 4 when reserved > 0 => reserved,
            < 7 when reserved > 0 => 1 + dice.Next((int)Math.Min(reserved, 64)),
            < 8 => reserved + 1 + dice.Next(8),
            _ => dice.Pick<long>([-1, 0, 1 << 21]),
        };
    }
}
