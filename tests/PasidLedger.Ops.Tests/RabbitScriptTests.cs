using System.Runtime.Versioning;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary><c>ops/rabbit</c>: a private node that answers AMQP, and a stop that ends exactly the processes it started.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class RabbitScriptTests
{
    // The next free ports are taken when a developer's node (or another test) holds the default ones.
    private static readonly Dictionary<string, string?> NoPortChosen = new() { ["PASIDLEDGER_RABBITMQ_PORT"] = null };

    [Fact]
    public async Task StartStatusStartStop_ServesAmqpWithItsOwnUser_TwiceTheSameUrl_AndStopEndsTheBeamAndEpmdItStarted()
    {
        var parent = Directory.CreateDirectory($"/tmp/pasidledger-ops-test-{Guid.NewGuid():N}").FullName;
        var dir = $"{parent}/rabbit";
        try
        {
            var start = await Rabbit("start", dir);
            start.ExitCode.ShouldBe(0, start.ToString());
            var url = start.Stdout.Trim();
            url.ShouldMatch(@"^amqp://pasidledger:[0-9a-f]{32}@127\.0\.0\.1:\d+/$");
            await AmqpRoundTrip.PublishConfirmed_ThenGetItBack(url);

            var status = await Rabbit("status", dir);
            status.ExitCode.ShouldBe(0, status.ToString());
            status.Stdout.ShouldBe($"running: {url}\n");

            var again = await Rabbit("start", dir);
            again.ExitCode.ShouldBe(0, again.ToString());
            again.Stdout.Trim().ShouldBe(url);
            again.Stderr.ShouldContain("already running");

            var started = StartedProcesses(dir);
            started.Keys.ShouldBe(["BEAM_PID", "EPMD_PID"], ignoreOrder: true);
            Command(started["BEAM_PID"]).ShouldBe("beam.smp");
            Command(started["EPMD_PID"]).ShouldBe("epmd");

            var stop = await Rabbit("stop", dir);
            stop.ExitCode.ShouldBe(0, stop.ToString());
            foreach (var (name, pid) in started)
            {
                Gone(pid).ShouldBeTrue($"{name} {pid} ({Command(pid)}) still runs after stop");
            }

            var after = await Rabbit("status", dir);
            after.ExitCode.ShouldBe(3, after.ToString());
        }
        finally
        {
            await Rabbit("stop", dir);
            Directory.Delete(parent, recursive: true);
        }
    }

    private static Task<Script.Result> Rabbit(string command, string dir) => Script.RunAsync("ops/rabbit", [command, "--dir", dir], NoPortChosen);

    // The PIDs start recorded (node.env holds NAME=value lines).
    private static Dictionary<string, int> StartedProcesses(string dir) =>
        File.ReadLines($"{dir}/node.env")
            .Select(line => line.Split('=', 2))
            .Where(pair => pair[0].EndsWith("_PID", StringComparison.Ordinal))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));

    private static string? Command(int pid) =>
        File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : null;

    // Exited: reaped, or a zombie its new parent has not reaped yet.
    private static bool Gone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
