using PasidLedger.Application.Writing;

namespace PasidLedger.Api.Responses;

/// <summary>Response bodies built from a command's typed result: its reply, its rejection and the rows the writer took.</summary>
internal static class ReplyBodies
{
    public static CapacityBody? Capacity(CommandResult result) =>
        result.Rows.Capacity is { } capacity ? RowBodies.Capacity(capacity) : null;

    /// <summary><c>install_capacity</c> is ignored once the capacity was set (DOMAIN.md 2.1, S2).</summary>
    public static InstallBody? Install(CommandResult result) =>
        result.Rows.Capacity is { } v
            ? new(v.Pool, v.Capacity, v.Available, v.CapacityInstalled, v.Version, ReplyOutcomes.Done(result, "installed"), result.Reason?.ToString())
            : null;

    /// <summary>The set with its members and SPID map, as <c>GET sets/{setId}</c> shows it.</summary>
    public static SetBody? Set(CommandResult result) =>
        result.Rows is { Set: { } set } rows ? RowBodies.Set(set, rows.Members) : null;

    /// <summary>The IOASID's refcount view, as <c>GET ioasids/{id}</c> shows it.</summary>
    public static RefcountBody? Ioasid(CommandResult result) =>
        result.Rows.Ioasid is { } ioasid ? RowBodies.Ioasid(ioasid) : null;

    /// <summary>The body of a call the kernel may ignore: "ignored" with the reason, else <paramref name="done"/>.</summary>
    public static OutcomeBody Outcome(CommandResult result, string done) =>
        new(ReplyOutcomes.Done(result, done), result.Reason?.ToString());
}
