using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>IOASID, SPID, private-data, notifier and work commands.</summary>
public static partial class CommandPlanner
{
    private static readonly IReadOnlyList<NotificationKind> Kinds =
        [NotificationKind.Alloc, NotificationKind.Free, NotificationKind.Bind, NotificationKind.Unbind];

    private static PoolCommand PlanIoasid(PoolState state, CommandKind kind, Dice dice)
    {
        var id = PickId(state, dice);
        return kind switch
        {
            CommandKind.AllocateIoasid => Allocate(state, dice),
            CommandKind.AcquireRef => new AcquireRef(id, PickHolder(dice), PickOwner(state, id, dice), PickGeneration(state, id, dice)),
            CommandKind.AcquireRefIfOwned => new AcquireRefIfOwned(id, PickHolder(dice), PickCaller(state, id, dice), PickGeneration(state, id, dice)),
            CommandKind.ReleaseRef => new ReleaseRef(id, PickHeldBy(state, id, dice), PickOwner(state, id, dice), PickGeneration(state, id, dice)),
            CommandKind.FreeIoasid => new FreeIoasid(id, PickOwner(state, id, dice), PickGeneration(state, id, dice)),
            CommandKind.AttachPrivate => new AttachPrivate(id, $"rec{dice.Next(3)}", PickGeneration(state, id, dice)),
            CommandKind.DetachPrivate => new DetachPrivate(id, PickGeneration(state, id, dice)),
            CommandKind.AttachSpid => AttachSpid(state, PickIdWhere(state, r => !r.HasSpid && !r.FreeRequested, dice) ?? id, dice),
            CommandKind.DetachSpid => DetachSpid(state, PickIdWhere(state, r => r.HasSpid, dice) ?? id, dice),
            CommandKind.AcquireRefBySpid => AcquireBySpid(state, dice),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an IOASID command"),
        };
    }

    private static AllocateIoasid Allocate(PoolState state, Dice dice)
    {
        var min = dice.Chance(20) ? 0u : (uint)dice.Next(20);
        var max = dice.Next(100) switch
        {
            < 72 => min + (uint)dice.Next(40),
            < 82 => 0xF_FFFFu,
            < 86 => Ioasid.Invalid,
            < 94 when min > 0 => min - 1,
            _ => (uint)dice.Next(10),
        };
        return new AllocateIoasid(PickSetId(state, dice), min, max, dice.Chance(40) ? null : $"p{dice.Next(4)}");
    }

    private static AttachSpid AttachSpid(PoolState state, uint id, Dice dice) =>
        new(id, dice.Chance(4) ? Ioasid.Invalid : 100u + (uint)dice.Next(6), PickGeneration(state, id, dice));

    private static DetachSpid DetachSpid(PoolState state, uint id, Dice dice) => new(id, PickGeneration(state, id, dice));

    /// <summary>Usually an ID in the state the command needs (SPID present or absent), so those paths run.</summary>
    private static uint? PickIdWhere(PoolState state, Func<IoasidRecord, bool> wanted, Dice dice)
    {
        var candidates = state.Ioasids.Values.Where(wanted).Select(r => r.Id).Order().ToArray();
        return candidates.Length > 0 && dice.Chance(70) ? dice.Pick(candidates) : null;
    }

    private static AcquireRefBySpid AcquireBySpid(PoolState state, Dice dice)
    {
        var bindingSets = state.Sets.Values.Where(set => set.IdsBySpid.Count > 0).Select(set => set.SetId).Order().ToArray();
        var setId = bindingSets.Length > 0 && dice.Chance(75) ? dice.Pick(bindingSets) : PickSetId(state, dice);
        var bound = state.LiveSet(setId)?.IdsBySpid.Keys.Order().ToArray() ?? [];
        var spid = bound.Length > 0 && dice.Chance(70) ? dice.Pick(bound)
            : dice.Chance(8) ? Ioasid.Invalid : 100u + (uint)dice.Next(6);
        return new AcquireRefBySpid(setId, spid, PickHolder(dice));
    }

    private static RegisterNotifier RegisterNotifier(PoolState state, Dice dice)
    {
        var scope = dice.Next(100) switch { < 42 => NotifierScope.Mm, < 75 => NotifierScope.Set, _ => NotifierScope.Global };
        var priority = dice.Chance(3) ? (Priority)9 : (Priority)dice.Next(4);
        var reactions = Enumerable.Range(0, dice.Next(4)).Select(_ => RandomReaction(dice)).ToArray();
        return new RegisterNotifier(dice.Pick(NotifierNames), scope,
            scope == NotifierScope.Set ? PickSetId(state, dice) : null,
            scope == NotifierScope.Mm && dice.Chance(94) ? dice.Pick(Tokens) : null,
            priority, dice.Chance(30) ? "http://subscriber" : null, reactions);
    }

    private static Reaction RandomReaction(Dice dice)
    {
        var action = dice.Next(100) switch
        {
            < 32 => ReactionAction.Get,
            < 62 => ReactionAction.Put,
            < 82 => ReactionAction.QueueWork,
            < 89 => ReactionAction.DetachSpid,
            < 95 => ReactionAction.DetachData,
            _ => ReactionAction.Free,
        };
        var holder = dice.Next(100) switch { < 78 => null, < 90 => Ioasid.CoreHolder, _ => "kvm" };
        return new Reaction(dice.Pick(Kinds), action, holder);
    }

    private static QueueWork QueueWork(PoolState state, Dice dice) =>
        new(dice.Chance(20) && state.Work.Count > 0 ? dice.Pick(state.Work).WorkId : $"w{dice.Next(4)}",
            dice.Chance(4) ? "" : dice.Pick(NotifierNames),
            dice.Chance(50) ? PickId(state, dice) : null);

    /// <summary>
    /// An acknowledgement of some earlier version, mostly by a notifier's name. The pool keeps no notifications, so
    /// which event that version is, and the kind, ID and generation, are the service's to check, not the domain's.
    /// </summary>
    private static AcknowledgeNotification AcknowledgeNotification(PoolState state, Dice dice)
    {
        var id = PickId(state, dice);
        var version = dice.Next(100) switch
        {
            < 85 => 1 + dice.Next((int)Math.Max(state.Version, 1)),
            < 92 => dice.Next(2) - 1,
            _ => state.Version + 1,
        };
        return new(new Guid((uint)dice.Next(int.MaxValue), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), version, dice.Chance(4) ? " " : dice.Pick(NotifierNames), dice.Pick(Kinds), id, state.LastGeneration(id));
    }

    private static string PickWorkId(PoolState state, Dice dice) => dice.Next(100) switch
    {
        < 75 when state.Work.Count > 0 => state.Work[0].WorkId,
        < 90 when state.Work.Count > 0 => dice.Pick(state.Work).WorkId,
        _ => $"w{dice.Next(6)}",
    };

    private static int PickNotifierId(PoolState state, Dice dice) =>
        state.Notifiers.Count > 0 && dice.Chance(85) ? dice.Pick(state.Notifiers.Keys.Order().ToArray()) : 1 + dice.Next(40);

    private static string PickHolder(Dice dice) => dice.Chance(3) ? " " : dice.Pick(Holders);

    /// <summary>Mostly a holder that has a reference, so puts usually land.</summary>
    private static string PickHeldBy(PoolState state, uint id, Dice dice) =>
        state.Find(id) is { Refs: > 0 } record && dice.Chance(82) ? dice.Pick(record.Holders.Entries).Holder : PickHolder(dice);

    /// <summary><c>get_if_owned</c>'s caller: the owner's token, another process, or no mm.</summary>
    private static string? PickCaller(PoolState state, uint id, Dice dice) => dice.Next(100) switch
    {
        < 70 when state.Find(id) is { } record => state.Sets[record.SetId].Token,
        < 88 => dice.Pick(Tokens),
        _ => null,
    };
}
