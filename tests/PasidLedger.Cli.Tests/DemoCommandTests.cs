using System.Diagnostics;
using System.Text.RegularExpressions;
using PasidLedger.Cli.Tests.Support;

namespace PasidLedger.Cli.Tests;

/// <summary>
/// <c>pasidledger demo</c>: one run in its own process (<see cref="DemoRun"/>) hosting the ledger, the four consumers as
/// processes of the same CLI, the three scenarios played over RabbitMQ; and what it refuses, in-process.
/// </summary>
public sealed partial class DemoCommandTests(DemoRun demo, CliLedger ledger) : IClassFixture<DemoRun>, IClassFixture<CliLedger>
{
    private const int Width = 120;

    [Fact]
    public void Demo_PlaysTheThreeScenariosOverTheBus_PrintsTheirTimelines_AndEveryVerdictPasses()
    {
        var run = demo.Run;

        run.ExitCode.ShouldBe(0, run.ToString());
        var verdicts = run.Lines.Where(line => line.StartsWith("PASS ", StringComparison.Ordinal) || line.StartsWith("FAIL ", StringComparison.Ordinal)).ToList();
        verdicts.Count.ShouldBe(3, run.ToString());
        verdicts[0].ShouldBe("PASS 5.5 normal: refs 1,2,3,4,3,4,3,4,3,4,3,4,3,2,1,0; reclaimed; held by none; ALLOC BIND UNBIND (no FREE)");
        verdicts[1].ShouldBe("PASS 5.7 free-before-unbind: refs 1,2,3,4,3,4,3,4,3,2,1,0; reclaimed; held by none; ALLOC BIND FREE UNBIND");
        verdicts[2].ShouldStartWith("PASS 5.8 vm-killed: refs ");
        verdicts[2].ShouldEndWith(",0; reclaimed; held by none; ALLOC BIND FREE UNBIND; KVM quiet after teardown");
        run.Tables.Count.ShouldBe(3);
        run.Tables.ShouldAllBe(table => table[0].SequenceEqual(new[] { "Step", "VFIO", "IOMMU", "KVM", "VDCM", "QEMU/guest", "Core", "refs" }));
        run.Lines.Where(line => !line.StartsWith("demo [", StringComparison.Ordinal)).ShouldAllBe(line => line.Length <= Width, "tables and verdicts fit 120 columns");
    }

    [Fact]
    public void Demo_NormalFlowTable_PutsEachActionInItsActorsLane_AndRefsAfterEachChange()
    {
        var run = demo.Run;

        run.ExitCode.ShouldBe(0, run.ToString());
        var normal = run.Tables[0];
        var lanes = normal[0];
        string? Lane(string[] row) => row.Select((cell, i) => (cell, i)).Where(c => c.i is > 0 and < 7 && c.cell.Length > 0).Select(c => lanes[c.i]).FirstOrDefault();
        var reclaimed = normal.Single(row => row.Any(cell => cell.StartsWith("H=", StringComparison.Ordinal) && cell.EndsWith(" reclaimed", StringComparison.Ordinal)));
        Lane(reclaimed).ShouldBe("Core");
        var bind = normal.First(row => row[0].Length > 0 && row.Any(cell => cell.StartsWith("bind(H", StringComparison.Ordinal)));
        Lane(bind).ShouldBe("VFIO");
        var kvmGet = normal.First(row => row[3] == "get");
        kvmGet[^1].ShouldBe("3", "KVM's get on BIND takes refs to 3 (S49)");
        normal.Skip(1).Where(row => row[^1].Length > 0).Select(row => int.Parse(row[^1], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe([1, 2, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0]);
    }

    [Fact]
    public void Demo_StopsTheConsumerProcessesItStarted()
    {
        var run = demo.Run;

        run.ExitCode.ShouldBe(0, run.ToString());
        var pids = Pids().Matches(run.Out).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        pids.Count.ShouldBe(4, run.Out);
        pids.ShouldAllBe(pid => !Running(pid));
    }

    [Fact]
    public async Task Demo_WithoutABroker_SaysHowToGetOne()
    {
        (await ledger.RunAsync("demo", "--rabbitmq", "http://not-amqp")).ShouldFailWith("needs RabbitMQ: set PASIDLEDGER_RABBITMQ");
    }

    [Fact]
    public async Task DemoInMemory_PlaysFreeBeforeUnbindAgainstThePureDomain_UntilHIsReclaimed()
    {
        var run = (await CliInvocation.InvokeAsync(["demo", "--in-memory"])).ShouldSucceed();

        run.Lines.ShouldContain(line => line.Contains("ioasid.reclaimed.v1", StringComparison.Ordinal));
        run.Lines.ShouldContain(line => line.Contains("H: free (not allocated)", StringComparison.Ordinal));
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex Pids();
}
