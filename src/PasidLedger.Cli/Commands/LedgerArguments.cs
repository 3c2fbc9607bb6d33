using System.CommandLine;
using PasidLedger.Application.ReadModels;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Cli.Commands;

/// <summary>The pool, IOASID, set and generation arguments of <c>show</c> and <c>history</c>, checked as the HTTP API checks its path and query.</summary>
internal static class LedgerArguments
{
    public static Argument<string> Pool() => new("pool") { Description = "Pool name" };

    public static Argument<long> Id() => new("id") { Description = "IOASID (the host ID)" };

    public static Argument<int> SetId() => new("setId") { Description = "IOASID set ID" };

    public static uint CheckedId(long id) => id is >= 0 and <= uint.MaxValue
        ? (uint)id
        : throw CliProblems.Invalid($"'id' must be within [0, {uint.MaxValue}], got {id}");

    public static int CheckedSetId(int setId) => setId >= 0 ? setId : throw CliProblems.Invalid($"'setId' must not be negative, got {setId}");

    public static int? CheckedGeneration(int? generation) =>
        generation is null or >= 0 ? generation : throw CliProblems.Invalid($"'--generation' must not be negative, got {generation}");

    /// <summary>The pool's live capacity row; the one check that the pool exists.</summary>
    public static async Task<CapacityView> KnownPoolAsync(ReadModelQueries queries, string pool, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return await queries.CapacityAsync(pool, ct).ConfigureAwait(false) ?? throw CliProblems.UnknownPool(pool);
    }
}
