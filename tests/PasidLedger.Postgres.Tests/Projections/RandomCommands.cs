using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>
/// Random commands of every kind, aimed mostly at what exists in the pool (a shadow
/// <see cref="PoolState"/> the caller keeps), so that most of them take effect and the rest
/// exercise the rejection paths: stale generations, wrong sets, unknown IDs, bad notifiers.
/// </summary>
internal sealed class RandomCommands(int seed)
{
    private static readonly string[] Tokens = ["mm:vm0", "mm:vm1", "mm:vm2"];
    private static readonly string[] Holders = ["uapi", "iommu", "vdcm", "kvm:vm0", "core"];
    private static readonly string[] Names = ["kvm", "iommu", "vdcm", "dev"];
    private readonly Random random = new(seed);
    private int work;

    /// <summary>The next command; the first one after pool creation installs a capacity (allowed only while nothing is reserved).</summary>
    public PoolCommand Next(PoolState state) => state.Version == 1 ? new InstallCapacity(Pick([512L, 4096])) : random.Next(100) switch
    {
        < 3 => Capacity(),
        < 13 => Set(state),
        < 21 => Notifier(state),
        < 27 => Work(state),
        < 45 => new AllocateIoasid(SetId(state), 1, 40, Maybe("svm")),
        < 75 => Reference(state),
        _ => Binding(state),
    };

    private PoolCommand Capacity() => random.Next(3) switch
    {
        0 => new InstallCapacity(Pick([64L, 512, 4096])),
        1 => new ReserveCapacity(random.Next(0, 6)),
        _ => new CancelCapacity(random.Next(1, 6)),
    };

    private PoolCommand Set(PoolState state) => random.Next(6) switch
    {
        0 or 1 => random.Next(4) == 0
            ? new CreateSet(SetType.Null, null, random.Next(0, 12))
            : new CreateSet(SetType.Mm, Pick(Tokens), Pick([0L, 4, 16, 40])),
        2 => new AdjustSetQuota(SetId(state), random.Next(-1, 30)),
        3 => new FreeSet(SetId(state)),
        4 => new ReleaseSet(SetId(state)),
        _ => new FreeAllInSet(SetId(state)),
    };

    private PoolCommand Notifier(PoolState state)
    {
        if (random.Next(4) == 0 && state.Notifiers.Count > 0)
        {
            return new UnregisterNotifier(Pick(state.Notifiers.Keys.ToArray()), random.Next(2) == 0 ? UnregisterVia.Set : UnregisterVia.Mm);
        }

        var scope = (NotifierScope)random.Next(3);
        Reaction[] reactions = [.. Enumerable.Range(0, random.Next(3)).Select(_ =>
            new Reaction((NotificationKind)random.Next(1, 5), (ReactionAction)random.Next(random.Next(5) == 0 ? 6 : 3)))];
        return new RegisterNotifier($"{Pick(Names)}{random.Next(3)}", scope, scope == NotifierScope.Set ? SetId(state) : null,
            scope == NotifierScope.Mm ? Pick(Tokens) : null, (Priority)random.Next(4), Maybe("queue:x"), reactions);
    }

    private PoolCommand Work(PoolState state) => random.Next(5) == 0 ? Acknowledge(state)
        : state.Work.Count > 0 && random.Next(3) > 0
        ? new CompleteWork(random.Next(5) == 0 ? Pick(state.Work.ToArray()).WorkId : state.Work[0].WorkId)
        : new QueueWork($"w{++work % 7}", Pick(Holders), random.Next(2) == 0 ? Id(state) : null);

    /// <summary>An acknowledgement of an earlier version: the pool records it without looking at which event that was.</summary>
    private AcknowledgeNotification Acknowledge(PoolState state)
    {
        var id = Id(state);
        return new(Guid.NewGuid(), random.Next(1, (int)Math.Min(state.Version, int.MaxValue - 1) + 1), Pick(Names), (NotificationKind)random.Next(1, 5), id,
            state.LastGeneration(id));
    }

    private PoolCommand Reference(PoolState state)
    {
        var id = Id(state);
        var record = state.Find(id);
        var holder = record is not null && random.Next(3) > 0 ? Pick(record.Holders.Entries.ToArray()).Holder : Pick(Holders);
        return random.Next(5) switch
        {
            0 => new AcquireRef(id, holder, random.Next(2) == 0 ? record?.SetId : null, Generation(record)),
            1 => new AcquireRefIfOwned(id, holder, Pick(Tokens), Generation(record)),
            2 or 3 => new ReleaseRef(id, holder, random.Next(3) == 0 ? record?.SetId : null, Generation(record)),
            _ => new FreeIoasid(id, random.Next(6) == 0 ? SetId(state) : record?.SetId, Generation(record)),
        };
    }

    private PoolCommand Binding(PoolState state)
    {
        var id = Id(state);
        var record = state.Find(id);
        return random.Next(5) switch
        {
            0 => new AttachPrivate(id, $"rec{random.Next(9)}", Generation(record)),
            1 => new DetachPrivate(id, Generation(record)),
            2 => new AttachSpid(id, (uint)random.Next(100, 120), Generation(record)),
            3 => new DetachSpid(id, Generation(record)),
            _ => new AcquireRefBySpid(record?.SetId ?? SetId(state), record is { HasSpid: true } && random.Next(4) > 0
                ? record.Spid : (uint)random.Next(100, 120), Pick(Holders)),
        };
    }

    private uint Id(PoolState state) => state.Ioasids.Count > 0 && random.Next(10) > 0
        ? Pick(state.Ioasids.Keys.ToArray())
        : (uint)random.Next(1, 41);

    private int SetId(PoolState state) => state.Sets.Count > 0 && random.Next(10) > 0
        ? Pick(state.Sets.Keys.ToArray())
        : random.Next(0, 12);

    /// <summary>Usually no generation, sometimes the right one, sometimes a stale one (R18).</summary>
    private int? Generation(IoasidRecord? record) => random.Next(6) switch
    {
        0 => record?.Generation,
        1 => (record?.Generation ?? 2) - 1,
        _ => null,
    };

    private string? Maybe(string value) => random.Next(2) == 0 ? value : null;

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
