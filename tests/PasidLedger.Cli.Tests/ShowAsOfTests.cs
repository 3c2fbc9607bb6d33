using System.Globalization;
using PasidLedger.Cli.Tests.Support;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Cli.Tests;

/// <summary>
/// <c>pasidledger show … --as-of V|TIME</c> prints the tables the live view printed right after version V
/// (or the last version at or before TIME), and says which version and time they are of.
/// </summary>
public sealed class ShowAsOfTests(CliLedger ledger) : IClassFixture<CliLedger>
{
    private static readonly string[][] Views = [["pool"], ["set", "0"], ["ioasid", "1"]];

    [Fact]
    public async Task EachViewAsOfAPastVersion_PrintsTheTablesTheLiveViewPrintedThen()
    {
        var pool = CliLedger.NewPool();
        PoolCommand[][] steps =
        [
            [new CreatePool(pool)],
            [new CreateSet(SetType.Mm, "mm:A", 4)],
            [new AllocateIoasid(0, 1, 100, "p")],
            [new AttachSpid(1, 101), new AcquireRef(1, "kvm", 0)],
            [new FreeIoasid(1, 0)],
            [new ReleaseRef(1, "kvm", 0), new ReserveCapacity(5)],
        ];
        var moments = new List<(long Version, List<CliInvocation> Live)>();
        foreach (var step in steps)
        {
            var version = 0L;
            foreach (var command in step)
            {
                version = (await ledger.SubmitAsync(pool, command)).Version;
            }

            moments.Add((version, await ShowAllAsync(pool)));
        }

        foreach (var (version, live) in moments)
        {
            var heading = $"pool {pool} as of version {version}, appended {Rfc3339(await ledger.TimeOfAsync(pool, version))}";
            var past = await ShowAllAsync(pool, "--as-of", $"{version}");
            for (var view = 0; view < Views.Length; view++)
            {
                var what = $"show {string.Join(' ', Views[view])} as of {version}\n{past[view]}";
                past[view].ExitCode.ShouldBe(live[view].ExitCode, what);
                past[view].Tables.ShouldBe(live[view].Tables, what);
                if (live[view].ExitCode == 0)
                {
                    past[view].Lines[0].ShouldBe(heading);
                }
            }
        }
    }

    [Fact]
    public async Task AsOfATime_ShowsTheLastVersionAppendedAtOrBeforeIt_InAnyOffset()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4));
        var allocated = await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));
        var time = await ledger.TimeOfAsync(pool, allocated.Version);
        await ledger.SubmitAsync(pool, new FreeIoasid(1, 0));

        foreach (var asOf in new[] { Rfc3339(time), time.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture) })
        {
            var run = (await ledger.RunAsync("show", "ioasid", pool, "1", "--as-of", asOf)).ShouldSucceed();

            run.Lines[0].ShouldBe($"pool {pool} as of version {allocated.Version}, appended {Rfc3339(time)}", asOf);
            run.Tables.ShouldHaveSingleItem()[1][3].ShouldBe("idle");
        }

        (await ledger.RunAsync("show", "ioasid", pool, "1")).ShouldFailWith("IOASID 1 is not allocated (UnknownId, -2 ENOENT)");
    }

    private async Task<List<CliInvocation>> ShowAllAsync(string pool, params string[] options)
    {
        var runs = new List<CliInvocation>();
        foreach (var view in Views)
        {
            runs.Add(await ledger.RunAsync(["show", view[0], pool, .. view[1..], .. options]));
        }

        return runs;
    }

    /// <summary>How the CLI prints a time: RFC 3339 in UTC, to the microsecond.</summary>
    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
