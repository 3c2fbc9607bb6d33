using PasidLedger.Domain.Errors;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// The refusals of <c>show</c> and <c>history</c>, with the reason and errno the HTTP API answers for the
/// same request (README "Errors"), e.g. <c>pool host-x does not exist (UnknownPool, -2 ENOENT)</c>.
/// </summary>
internal static class CliProblems
{
    public static CliException Invalid(string detail) => Refused("InvalidArgument", Errno.EINVAL, detail);

    public static CliException UnknownPool(string pool) => NotFound("UnknownPool", $"pool {pool} does not exist");

    public static CliException NotFound(string reason, string detail) => Refused(reason, Errno.ENOENT, detail);

    public static CliException Refused(string reason, Errno errno, string detail) => new($"{detail} ({reason}, {errno.Negated()} {errno})");
}
