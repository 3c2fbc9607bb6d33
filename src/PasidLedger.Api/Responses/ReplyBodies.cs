using PasidLedger.Application.Writing;

namespace PasidLedger.Api.Responses;

/// <summary>Response bodies built from a command's typed result: its reply, its rejection and the rows the writer took.</summary>
public static class ReplyBodies
{
    public static CapacityBody? Capacity(CommandResult result) =>
        Rows(result).Capacity is { } capacity ? RowBodies.Capacity(capacity) : null;

    /// <summary><c>install_capacity</c> is ignored once the capacity was set (DOMAIN.md 2.1, S2).</summary>
    public static InstallBody? Install(CommandResult result) =>
        Rows(result).Capacity is { } v
            ? new(v.Pool, v.Capacity, v.Available, v.CapacityInstalled, v.Version, result.Ignored ? "ignored" : "installed", result.Reason?.ToString())
            : null;

    public static SetBody? Set(CommandResult result) =>
        Rows(result) is { Set: { } set } rows ? RowBodies.Set(set, rows.Members) : null;

    public static RefcountBody? Ioasid(CommandResult result) =>
        Rows(result).Ioasid is { } ioasid ? RowBodies.Ioasid(ioasid) : null;

    /// <summary>The body of a call the kernel may ignore: "ignored" with the reason, else <paramref name="done"/>.</summary>
    public static OutcomeBody Outcome(CommandResult result, string done)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Ignored ? new OutcomeBody("ignored", result.Reason.ToString()) : new OutcomeBody(done, null);
    }

    private static ReplyRows Rows(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Rows;
    }
}
