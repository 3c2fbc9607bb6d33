using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Every command type of <c>PasidLedger.Domain.Commands</c>, as a kind a plan step can ask for.</summary>
public enum CommandKind
{
    CreatePool,
    InstallCapacity,
    ReserveCapacity,
    CancelCapacity,
    CreateSet,
    AdjustSetQuota,
    FreeSet,
    ReleaseSet,
    FreeAllInSet,
    AllocateIoasid,
    AcquireRef,
    AcquireRefIfOwned,
    ReleaseRef,
    FreeIoasid,
    AttachPrivate,
    DetachPrivate,
    AttachSpid,
    DetachSpid,
    AcquireRefBySpid,
    RegisterNotifier,
    UnregisterNotifier,
    QueueWork,
    CompleteWork,
    AcknowledgeNotification,
}

/// <summary>
/// One abstract step: a command kind plus entropy. It only becomes a command against the
/// live state (<see cref="CommandPlanner"/>), so IDs can be picked from what is allocated
/// while the generator itself stays pure.
/// </summary>
public sealed record PlanStep(CommandKind Kind, int Low, int High)
{
    public Dice Dice() => new(((ulong)(uint)High << 31) ^ (uint)Low);
}

/// <summary>A whole run: pool options, an optional small <c>install_capacity</c> at the start, then the steps.</summary>
public sealed record RunPlan(PoolOptions Options, long? InstallCapacity, IReadOnlyList<PlanStep> Steps)
{
    public override string ToString() =>
        $"RunPlan({Steps.Count} steps, capacity {InstallCapacity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}, {Options})";
}

/// <summary>A splitmix64 stream seeded by one step's entropy: as many draws as the planner needs.</summary>
public sealed class Dice(ulong seed)
{
    private ulong state = seed;

    public int Next(int n)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return (int)((z ^ (z >> 31)) % (ulong)n);
    }

    /// <summary>True with probability <paramref name="percent"/> %.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
