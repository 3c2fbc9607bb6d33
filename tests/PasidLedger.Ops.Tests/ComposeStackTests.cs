using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PasidLedger.Testing;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>
/// docker-compose.yml run for real through <c>ops/compose</c>: the stack comes up, serves the API on its
/// published loopback port, runs the four consumers, which register in pool host-a over RabbitMQ, keeps what it
/// stored across a restart of the ledger's container, and goes away.
/// </summary>
/// <remarks>
/// The project name carries <c>PASIDLEDGER_TEST_RUN</c>, so <c>ops/test</c> can take the stack down even when
/// this process dies before its <c>finally</c>.
/// </remarks>
[Collection(nameof(ScriptsThatBuild))]
public sealed class ComposeStackTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task StackUp_AllocatesAnId_ThatReadsBackAfterTheLedgerContainerRestarts()
    {
        var environment = new Dictionary<string, string?>
        {
            ["COMPOSE_PROJECT_NAME"] = $"pasidledger-test-{Environment.GetEnvironmentVariable(TestPostgres.RunVariable) ?? Guid.NewGuid().ToString("N")[..8]}",
            ["PASIDLEDGER_API_PORT"] = $"{LoopbackPorts.Free()}",
            ["PASIDLEDGER_JWT_KEYS"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        Script.Result down;
        try
        {
            await UseTheStackAsync(environment);
        }
        finally
        {
            // A failure of `down` after a failed test must not hide that test's own failure.
            down = await Script.RunAsync("ops/compose", ["down", "--volumes"], environment);
        }

        down.ExitCode.ShouldBe(0, down.ToString());
        var left = await Script.RunAsync("docker", ["ps", "-aq", "--filter", $"label=com.docker.compose.project={environment["COMPOSE_PROJECT_NAME"]}"]);
        left.ExitCode.ShouldBe(0, left.ToString());
        left.Stdout.ShouldBeEmpty("ops/compose down left containers behind");
    }

    private static async Task UseTheStackAsync(Dictionary<string, string?> environment)
    {
        var up = await Script.RunAsync("ops/compose", ["up"], environment);
        up.ExitCode.ShouldBe(0, up.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(up.Stdout.Trim().Split('\n')[^1] + "/") };
        (await http.PutAsync("v1/pools/host-a", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // A token signed with the key the stack was given, as a user gets one.
        var token = await Script.RunAsync("ops/run", ["token", "issue", "--principal", "operator:test", "--role", "operator"], environment);
        token.ExitCode.ShouldBe(0, token.ToString());
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Stdout.Trim().Split('\n')[^1]);

        // `up` created the pool for the consumers; again with the same options changes nothing.
        (await http.PutAsync("v1/pools/host-a", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await TheConsumersRunAndRegisterAsync(http, environment);
        (await http.PostAsJsonAsync("v1/pools/host-a/sets", new { type = "mm", token = "mm:A", quota = 8 }, TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var allocated = await ReadAsync(await http.PostAsJsonAsync("v1/pools/host-a/sets/0/ioasids", new { min = 1, max = 100 }, TestContext.Current.CancellationToken));
        var id = allocated.GetProperty("id").GetInt32();

        var restart = await Script.RunAsync("ops/compose", ["restart", "pasidledger"], environment);
        restart.ExitCode.ShouldBe(0, restart.ToString());
        await WaitUntilHealthyAsync(http);

        var readBack = await ReadAsync(await http.GetAsync($"v1/pools/host-a/ioasids/{id}", TestContext.Current.CancellationToken));
        readBack.GetProperty("generation").GetInt32().ShouldBe(allocated.GetProperty("generation").GetInt32());
        readBack.GetProperty("state").GetString().ShouldBe("idle");
        readBack.GetProperty("holders").GetProperty("core").GetInt32().ShouldBe(1);
    }

    // Started after the pool exists, no consumer has a reason to fail: each runs and was never restarted.
    // VFIO registers no notifier of its own: it binds through the IOMMU consumer.
    private static async Task TheConsumersRunAndRegisterAsync(HttpClient http, Dictionary<string, string?> environment)
    {
        string[] registering = ["iommu", "kvm:A", "vdcm:dsa0"];
        var names = new List<string>();
        await Poll.UntilAsync(async () =>
        {
            var notifiers = await ReadAsync(await http.GetAsync("v1/pools/host-a/notifiers", TestContext.Current.CancellationToken));
            names = [.. notifiers.EnumerateArray().Select(notifier => notifier.GetProperty("name").GetString()!)];
            return registering.All(names.Contains);
        }, "the consumers did not register their notifiers in pool host-a", TestContext.Current.CancellationToken, Patience);
        names.ShouldBe(registering, ignoreOrder: true);

        foreach (var consumer in (string[])["iommu", "kvm", "vdcm", "vfio"])
        {
            var container = await Script.RunAsync("ops/compose", ["ps", "-q", consumer], environment);
            container.ExitCode.ShouldBe(0, container.ToString());
            var state = await Script.RunAsync("docker", ["inspect", "--format", "{{.State.Status}} restarts={{.RestartCount}}", container.Stdout.Trim()]);
            state.Stdout.Trim().ShouldBe("running restarts=0", $"the {consumer} consumer: {state}");
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // The restarted ledger migrates, then answers; until it listens, a request fails to connect.
    private static Task WaitUntilHealthyAsync(HttpClient http) =>
        Poll.UntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("health", TestContext.Current.CancellationToken)).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the restarted ledger did not become healthy", TestContext.Current.CancellationToken, Patience);
}
