using PasidLedger.Domain.Errors;

namespace PasidLedger.Bus.Commands;

/// <summary>Why the bus command endpoint answered a command itself without appending anything: a reason code, its errno and a sentence.</summary>
public sealed record CommandRefusal(string Reason, Errno Errno, string Detail)
{
    public static CommandRefusal Invalid(string detail) => new("InvalidArgument", Errno.EINVAL, detail);

    public static CommandRefusal Unauthenticated(string detail) => new("Unauthenticated", Errno.EACCES, detail);

    public static CommandRefusal Forbidden(string detail) => new("Forbidden", Errno.EPERM, detail);

    public static CommandRefusal UnknownPool(string pool) =>
        new("UnknownPool", Errno.ENOENT, $"pool {pool} does not exist; create it with command.create-pool.v1");

    public static CommandRefusal UnknownNotification(string pool, Guid eventId) =>
        new("UnknownNotification", Errno.ENOENT, $"pool {pool} has no notification.published.v1 with event id {eventId:D}");
}
