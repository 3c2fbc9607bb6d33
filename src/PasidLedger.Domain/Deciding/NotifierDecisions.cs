using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain.Deciding;

/// <summary>Notifier registration and unregistration (DOMAIN.md 2.5, 3.6, R1–R6).</summary>
internal static class NotifierDecisions
{
    public static Decision Register(PoolState state, RegisterNotifier command)
    {
        var refusal = CheckShape(command) ?? command.Scope switch
        {
            NotifierScope.Global => Duplicate(state.GlobalChain, command.Name, "the global chain"),
            NotifierScope.Set => CheckSetScope(state, command),
            _ => CheckMmScope(state, command),
        };
        if (refusal is not null)
        {
            return Decision.Rejected(refusal);
        }

        // R2: the record exists in every path before deciding between pending and active.
        var setId = command.Scope == NotifierScope.Mm ? state.MmSet(command.Token!)?.SetId : command.SetId;
        var active = command.Scope != NotifierScope.Mm || setId is not null;
        var registered = new NotifierRegistered(state.NextNotifierId, command.Name, command.Scope,
            command.Scope == NotifierScope.Global ? null : setId,
            command.Scope == NotifierScope.Mm ? command.Token : null,
            command.Priority, command.Endpoint, command.Reactions, active);
        return new([registered], new NotifierAdded(registered.NotifierId, active), null, []);
    }

    public static Decision Unregister(PoolState state, UnregisterNotifier command)
    {
        if (!state.Notifiers.TryGetValue(command.NotifierId, out var registration))
        {
            return Decision.Ignored(RejectionReason.UnknownNotifier, Errno.ENOENT, $"no registration {command.NotifierId}", Acknowledged.Instance);
        }

        var via = command.Via == UnregisterVia.Matching
            ? registration.Scope == NotifierScope.Mm ? UnregisterVia.Mm : UnregisterVia.Set
            : command.Via;
        if (via == UnregisterVia.Set && state.PendingList.Any(n => n.Name == registration.Name))
        {
            return Decision.Ignored(RejectionReason.RegisteredByMm, Errno.EBUSY,
                $"{registration.Name} is on the pending list; use unregister_notifier_mm (R6)", Acknowledged.Instance);
        }

        if (via == UnregisterVia.Mm && registration.Scope != NotifierScope.Mm)
        {
            return Decision.Ignored(RejectionReason.UnknownNotifier, Errno.ENOENT,
                $"no set for token: {registration.Name} was not registered by mm", Acknowledged.Instance);
        }

        return new([new NotifierUnregistered(registration.NotifierId)], Acknowledged.Instance, null, []);
    }

    private static Rejection? CheckShape(RegisterNotifier command) => command switch
    {
        _ when string.IsNullOrWhiteSpace(command.Name) => Rejection.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "a notifier needs a name"),
        _ when !Enum.IsDefined(command.Scope) => Rejection.Error(RejectionReason.InvalidScope, Errno.EINVAL, "scope must be global, set or mm"),
        _ when !Enum.IsDefined(command.Priority) => Rejection.Error(RejectionReason.InvalidPriority, Errno.EINVAL, "priority must be cpu, iommu, device or last"),
        _ when command.Reactions.Any(r => !Enum.IsDefined(r.On) || !Enum.IsDefined(r.Action)) => Rejection.Error(RejectionReason.InvalidArgument, Errno.EINVAL, "unknown reaction"),
        _ => null,
    };

    private static Rejection? CheckSetScope(PoolState state, RegisterNotifier command)
    {
        var set = command.SetId is { } setId ? state.LiveSet(setId) : null;
        return set is null
            ? Rejection.Error(RejectionReason.SetInvalid, Errno.EINVAL, $"set {command.SetId?.ToString() ?? "(none)"} is unknown or destroyed")
            : Duplicate(set.Chain, command.Name, $"set {set.SetId}'s chain");
    }

    private static Rejection? CheckMmScope(PoolState state, RegisterNotifier command)
    {
        if (string.IsNullOrEmpty(command.Token))
        {
            return Rejection.Error(RejectionReason.TokenRequired, Errno.EINVAL, "register_notifier_mm needs an mm token");
        }

        if (state.PendingList.Any(n => n.Token == command.Token && n.Name == command.Name))
        {
            return Rejection.Error(RejectionReason.NotifierDuplicate, Errno.EBUSY, $"{command.Name} is already registered for {command.Token}");
        }

        var set = state.MmSet(command.Token);
        if (set is null)
        {
            return null;
        }

        return set.Count > 0
            ? Rejection.Error(RejectionReason.SetNotEmpty, Errno.EBUSY, $"set {set.SetId} already has IOASIDs; events are not replayed (R5)")
            : Duplicate(set.Chain, command.Name, $"set {set.SetId}'s chain"); // R4: one nb once per chain, whichever way it came.
    }

    private static Rejection? Duplicate(IReadOnlyList<NotifierRegistration> chain, string name, string where) =>
        chain.Any(n => n.Name == name)
            ? Rejection.Error(RejectionReason.NotifierDuplicate, Errno.EBUSY, $"{name} is already on {where}")
            : null;
}
