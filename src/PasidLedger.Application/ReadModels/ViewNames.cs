using PasidLedger.Domain.Model;

namespace PasidLedger.Application.ReadModels;

/// <summary>The lowercase names the views and the API use for domain enums.</summary>
public static class ViewNames
{
    public static string Of(IoasidState state) => state switch
    {
        IoasidState.Idle => "idle",
        IoasidState.Active => "active",
        _ => "free_pending",
    };

    public static string Of(SetLifecycle lifecycle) => lifecycle.ToString().ToLowerInvariant();

    public static string Of(SetType type) => type.ToString().ToLowerInvariant();

    public static string Of(NotifierScope scope) => scope.ToString().ToLowerInvariant();

    public static string Of(Priority priority) => priority.ToString().ToLowerInvariant();

    public static string Of(NotificationKind kind) => kind.ToString().ToLowerInvariant();
}
