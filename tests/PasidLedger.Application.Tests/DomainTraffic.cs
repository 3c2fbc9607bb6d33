using FsCheck;
using FsCheck.Fluent;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Tests;

/// <summary>
/// A compact random driver of the domain (test projects do not reference each other): each step is
/// read against the current state, so most commands name live sets, allocated IDs and real holders.
/// </summary>
public static class DomainTraffic
{
    private static readonly string[] Tokens = ["mmA", "mmB", "mmC", "mm é😀"];
    private static readonly string[] Holders = [Ioasid.CoreHolder, "kvm", "vdcm", "iommu"];
    private static readonly NotificationKind[] Kinds = Enum.GetValues<NotificationKind>();

    /// <summary>A step: which command (0–30, weighted by repetition below) and two numbers of entropy.</summary>
    public sealed record TrafficStep(int Kind, int A, int B);

    public static Gen<TrafficStep[]> Steps(int count) =>
        Gen.ArrayOf(
            from kind in Gen.Choose(0, 30)
            from a in Gen.Choose(0, int.MaxValue)
            from b in Gen.Choose(0, int.MaxValue)
            select new TrafficStep(kind, a, b),
            count);

    public static PoolCommand Next(PoolState state, TrafficStep step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        var (a, b) = (step.A, step.B);
        var ids = state.Ioasids.Keys.Order().ToArray();
        var id = ids.Length > 0 && a % 8 != 0 ? ids[a % ids.Length] : (uint)(a % 40);
        var record = state.Find(id);
        var sets = state.Sets.Values.Where(set => !set.IsDestroyed).Select(set => set.SetId).Order().ToArray();
        var setId = sets.Length > 0 && b % 9 != 0 ? sets[b % sets.Length] : b % 6;
        var owner = record is not null && b % 5 != 0 ? record.SetId : (int?)null;
        var holder = record is not null && a % 4 != 0 ? record.Holders.Entries[b % record.Holders.Entries.Count].Holder : Holders[b % Holders.Length];
        var generation = b % 7 == 0 ? state.LastGeneration(id) - 1 : (int?)null;
        return step.Kind switch
        {
            0 => new InstallCapacity(16 + (a % 64)),
            1 => new ReserveCapacity(a % 4),
            2 => new CancelCapacity(Math.Min(a % 4, state.Capacity - state.Available - state.Sets.Values.Where(s => !s.IsDestroyed).Sum(s => s.Quota))),
            3 or 4 => a % 3 == 0 ? new CreateSet(SetType.Null, null, b % 5) : new CreateSet(SetType.Mm, Tokens[b % Tokens.Length], a % 4 == 0 ? 0 : b % 9),
            5 => new AdjustSetQuota(setId, a % 10),
            6 => new FreeSet(setId),
            7 => new ReleaseSet(setId),
            8 => new FreeAllInSet(setId),
            9 or 10 or 11 or 12 => new AllocateIoasid(setId, (uint)(a % 5), (uint)(a % 5 + (b % 30)), b % 3 == 0 ? null : $"priv-{a % 7}"),
            13 or 14 => new AcquireRef(id, Holders[b % Holders.Length], owner, generation),
            15 => new AcquireRefIfOwned(id, "uapi", record is null ? null : state.Sets[record.SetId].Token, generation),
            16 or 17 or 18 => new ReleaseRef(id, holder, owner, generation),
            19 or 20 => new FreeIoasid(id, owner, generation),
            21 => new AttachPrivate(id, $"rec \"{a % 3}\""),
            22 => new DetachPrivate(id),
            23 => new AttachSpid(id, 100u + (uint)(b % 5)),
            24 => new DetachSpid(id),
            25 => new AcquireRefBySpid(setId, 100u + (uint)(a % 5), "vdcm"),
            26 => Register(a, b, setId),
            27 => new UnregisterNotifier(state.Notifiers.Count > 0 ? state.Notifiers.Keys.Order().ElementAt(a % state.Notifiers.Count) : 1, (UnregisterVia)(b % 2)),
            28 => new QueueWork($"w{a % 3}", "iommu", b % 2 == 0 ? id : null),
            29 => new CompleteWork(state.Work.Count > 0 ? state.Work[0].WorkId : "w0"),
            _ => new AcknowledgeNotification(new Guid(a, (short)b, 7, 0, 0, 0, 0, 0, 0, 0, 0), 1 + (a % Math.Max(state.Version, 1)), Holders[b % Holders.Length],
                Kinds[b % Kinds.Length], id, state.LastGeneration(id)),
        };
    }

    private static RegisterNotifier Register(int a, int b, int setId)
    {
        var scope = (NotifierScope)(a % 3);
        var reactions = Enumerable.Range(0, b % 4)
            .Select(i => new Reaction(Kinds[(a >> (2 * i)) % Kinds.Length], (ReactionAction)((b >> (3 * i)) % 6), i == 2 ? Ioasid.CoreHolder : null))
            .ToArray();
        return new RegisterNotifier(Holders[1 + (b % 3)], scope, scope == NotifierScope.Set ? setId : null,
            scope == NotifierScope.Mm ? Tokens[b % Tokens.Length] : null, (Priority)(b % 4), a % 2 == 0 ? null : "http://kvm/notify", reactions);
    }
}
