using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary><c>ops/pg start</c> when another process holds its port (a second PostgreSQL, say).</summary>
[UnsupportedOSPlatform("windows")]
public sealed class PgScriptTests
{
    private const int DefaultPort = 55432;

    [Fact]
    public async Task StartOnATakenDefaultPort_TakesTheNextFreePort_AndSaysSo()
    {
        using var squatter = Squat(DefaultPort);
        var parent = TemporaryParent();
        var dir = $"{parent}/data";
        var noPortChosen = new Dictionary<string, string?> { ["PASIDLEDGER_PG_PORT"] = null };
        try
        {
            var start = await Script.RunAsync("ops/pg", ["start", "--dir", dir], noPortChosen);

            start.ExitCode.ShouldBe(0, start.ToString());
            start.Stderr.ShouldContain("PASIDLEDGER_PG_PORT");
            start.Stdout.ShouldMatch(@"Port=(?!55432;)\d+;");
        }
        finally
        {
            var stop = await Script.RunAsync("ops/pg", ["stop", "--dir", dir], noPortChosen);
            stop.ExitCode.ShouldBe(0, stop.ToString());
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task StartOnATakenChosenPort_IsRefused_WithTheWayOut()
    {
        using var squatter = Squat(0);
        var port = ((IPEndPoint)squatter!.LocalEndpoint).Port;

        var parent = TemporaryParent();
        var start = await Script.RunAsync("ops/pg", ["start", "--dir", $"{parent}/data"],
            new Dictionary<string, string?> { ["PASIDLEDGER_PG_PORT"] = $"{port}" });
        Directory.Delete(parent, recursive: true);

        start.ExitCode.ShouldNotBe(0);
        start.Stderr.ShouldContain($"port {port} on 127.0.0.1 is taken");
        start.Stderr.ShouldContain("PASIDLEDGER_PG_PORT=<port>");
    }

    // Under /tmp, which the postgres user can reach; the cluster and its lock file go with it.
    private static string TemporaryParent() => Directory.CreateDirectory($"/tmp/pasidledger-ops-test-{Guid.NewGuid():N}").FullName;

    // Listens on the port; if something else already does, the port is taken all the same.
    private static TcpListener? Squat(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException) when (port != 0)
        {
            listener.Dispose();
            return null;
        }
    }
}
