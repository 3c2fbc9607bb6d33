using System.CommandLine;
using System.Globalization;
using Npgsql;
using PasidLedger.Application.ReadModels;
using PasidLedger.Cli.Viewing;
using PasidLedger.Domain.Errors;
using PasidLedger.Postgres.History;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>--as-of V|TIME</c> of <c>show</c>: the pool right after stream version V, or after the last version
/// appended at or before an RFC 3339 time; refused as the HTTP API refuses <c>asOf</c> and <c>asOfTime</c>.
/// </summary>
internal static class AsOfOption
{
    private const string Name = "--as-of";

    private static readonly string Malformed =
        $"'{Name}' must be a stream version (a whole number of at least 1) or an RFC 3339 date and time with an offset, e.g. {AsOfTime.Example}";

    public static Option<string?> Create() => new(Name)
    {
        Description = $"Show the view right after this stream version, or as it stood at this RFC 3339 time (e.g. {AsOfTime.Example})",
    };

    /// <summary>The pool at the requested point, folded from the nearest snapshot and the events up to it.</summary>
    public static async Task<PoolAsOf> LoadAsync(NpgsqlDataSource dataSource, string pool, string text, CancellationToken ct)
    {
        var travel = new PoolTimeTravel(dataSource);
        var lookup = await LookUpAsync(travel, pool, text, ct).ConfigureAwait(false);
        return lookup.Pool ?? throw lookup.Miss switch
        {
            PastMiss.BeyondStream => CliProblems.Refused("VersionBeyondStream", Errno.EINVAL,
                $"pool {pool} is at version {lookup.StreamVersion}; '{Name}' must be within [1, {lookup.StreamVersion}]"),
            _ => CliProblems.UnknownPool(pool),
        };
    }

    private static async Task<PastLookup> LookUpAsync(PoolTimeTravel travel, string pool, string text, CancellationToken ct)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version >= 1
                ? await travel.LookUpAsync(pool, version, ct).ConfigureAwait(false)
                : throw CliProblems.Invalid($"{Malformed}; got {text}");
        }

        if (!AsOfTime.TryParse(text, out var time))
        {
            throw CliProblems.Invalid($"{Malformed}; got '{text}'");
        }

        var lookup = await travel.LookUpAsync(pool, time, ct).ConfigureAwait(false);
        return lookup.Miss == PastMiss.BeforeFirstEvent
            ? throw CliProblems.NotFound("UnknownPool", $"pool {pool} had no events at or before {CliText.Time(time)}")
            : lookup;
    }
}
