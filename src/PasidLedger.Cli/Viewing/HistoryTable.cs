using PasidLedger.Domain.Errors;
using PasidLedger.Postgres.History;
using Spectre.Console;
using static PasidLedger.Cli.Viewing.CliText;

namespace PasidLedger.Cli.Viewing;

/// <summary>The history of an IOASID or a set as a table, oldest first; a refusal shows its reason and errno.</summary>
internal static class HistoryTable
{
    public static Table Of(IEnumerable<SubjectHistoryEntry> entries) => CliTable.Of(
        ["version", "time", "type", "generation", "caller", "correlation", "refused"],
        entries.Select(e => (IReadOnlyList<string>)
            [Number(e.Version), Time(e.Time), e.Type, Optional(e.Generation), Optional(e.Caller), Optional(e.CorrelationId?.ToString()), Refusal(e)]));

    /// <summary><c>REFUSED NotHolder (-22 EINVAL)</c>; the stored errno is the kernel's negative value.</summary>
    private static string Refusal(SubjectHistoryEntry entry) =>
        !entry.Rejected ? string.Empty
        : entry.Errno is { } errno ? $"REFUSED {entry.Reason} ({Number(errno)} {(Errno)(-errno)})"
        : $"REFUSED {entry.Reason}";
}
