using PasidLedger.Testing;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>docker-compose.yml as docker-compose reads it, which needs no Docker engine.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Consumers = ["iommu", "kvm", "vdcm", "vfio"];

    private static readonly Dictionary<string, string?> WithSecrets = new()
    {
        ["PASIDLEDGER_PG_PASSWORD"] = "from-the-environment",
        ["PASIDLEDGER_RABBITMQ_PASSWORD"] = "0a1b2c",
        ["PASIDLEDGER_JWT_KEYS"] = "a-key-from-the-environment",
        ["PASIDLEDGER_POOL"] = null,
        ["PASIDLEDGER_IOMMU_TOKEN"] = "iommu-token",
        ["PASIDLEDGER_KVM_TOKEN"] = "kvm-token",
        ["PASIDLEDGER_VDCM_TOKEN"] = "vdcm-token",
        ["PASIDLEDGER_VFIO_TOKEN"] = "vfio-token",
    };

    [Fact]
    public async Task ComposeFile_DefinesPostgresRabbitMqTheLedgerAndTheFourConsumers()
    {
        var result = await Compose(WithSecrets, "config", "--services");

        result.ExitCode.ShouldBe(0, result.ToString());
        Lines(result.Stdout).ShouldBe(["pasidledger", "postgres", "rabbitmq", .. Consumers], ignoreOrder: true);
    }

    [Theory]
    [InlineData("PASIDLEDGER_PG_PASSWORD")]
    [InlineData("PASIDLEDGER_RABBITMQ_PASSWORD")]
    [InlineData("PASIDLEDGER_JWT_KEYS")]
    [InlineData("PASIDLEDGER_KVM_TOKEN")]
    public async Task ComposeFile_WithoutASecretInTheEnvironment_IsRefused_SoNoneIsCommitted(string secret)
    {
        var result = await Compose(new(WithSecrets) { [secret] = null }, "config", "-q");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain(secret);
    }

    [Fact]
    public async Task TheLedgerAndEachConsumer_GetTheBrokerUrlWithTheStacksPassword_AndEachConsumerItsOwnToken()
    {
        var config = await ConfigAsync();

        Service(config, "rabbitmq").ShouldContain("RABBITMQ_DEFAULT_USER: pasidledger");
        Service(config, "rabbitmq").ShouldContain("RABBITMQ_DEFAULT_PASS: 0a1b2c");
        Service(config, "pasidledger").ShouldContain("PASIDLEDGER_RABBITMQ: amqp://pasidledger:0a1b2c@rabbitmq:5672/");
        foreach (var consumer in Consumers)
        {
            Service(config, consumer).ShouldContain("PASIDLEDGER_RABBITMQ: amqp://pasidledger:0a1b2c@rabbitmq:5672/");
            Service(config, consumer).ShouldContain($"PASIDLEDGER_TOKEN: {consumer}-token");
        }
    }

    [Fact]
    public async Task EachConsumer_RunsItsKindInPoolHostA_FromTheLedgerImage_AndIsRestarted()
    {
        var config = await ConfigAsync();
        var ledgerImage = Service(config, "pasidledger").Single(line => line.StartsWith("image: ", StringComparison.Ordinal));

        foreach (var consumer in Consumers)
        {
            var service = Service(config, consumer);
            service.ShouldContain(ledgerImage);
            service.ShouldContain("restart: unless-stopped");
            // docker-compose 1.29 prints a command as one "- part" line per part, in order.
            var command = service.SkipWhile(line => line != "command:").Skip(1).TakeWhile(line => line.StartsWith("- ", StringComparison.Ordinal));
            command.ShouldBe(["- consumer", $"- {consumer}", "- --pool", "- host-a", "- --state-dir", "- /var/lib/pasidledger/consumers"]);
        }
    }

    [Fact]
    public async Task PublishedApiPort_BindsLoopbackByDefault_AndNothingElseIsPublished()
    {
        var result = await Compose(WithSecrets, "config");

        result.ExitCode.ShouldBe(0, result.ToString());
        // docker-compose 1.29 prints each published port as "- host_ip:host_port:container_port/protocol".
        Lines(result.Stdout).Where(line => line.EndsWith("/tcp", StringComparison.Ordinal)).ShouldBe(["- 127.0.0.1:5080:5080/tcp"]);
    }

    [Fact]
    public void PostgresImageDefault_IsTheOneInOpsDockerImagesEnv() =>
        File.ReadAllText(RepositoryRoot.Combine("docker-compose.yml"))
            .ShouldContain($"${{PASIDLEDGER_PG_IMAGE:-{Official("PASIDLEDGER_PG_IMAGE")}}}");

    [Fact]
    public void RabbitMqImageDefault_IsTheOneInOpsDockerImagesEnv() =>
        File.ReadAllText(RepositoryRoot.Combine("docker-compose.yml"))
            .ShouldContain($"${{PASIDLEDGER_RABBITMQ_IMAGE:-{Official("PASIDLEDGER_RABBITMQ_IMAGE")}}}");

    [Fact]
    public void LedgerBaseImageDefault_IsTheOneInOpsDockerImagesEnv() =>
        File.ReadAllText(RepositoryRoot.Combine("ops/docker/ledger.Dockerfile"))
            .ShouldContain($"ARG RUNTIME_IMAGE={Official("PASIDLEDGER_RUNTIME_IMAGE")}\n");

    private static string Official(string variable) =>
        File.ReadLines(RepositoryRoot.Combine("ops/docker/images.env"))
            .Single(line => line.StartsWith(variable + "=", StringComparison.Ordinal))[(variable.Length + 1)..];

    private static async Task<List<string>> ConfigAsync()
    {
        var result = await Compose(WithSecrets, "config");
        result.ExitCode.ShouldBe(0, result.ToString());
        return [.. result.Stdout.Split('\n')];
    }

    /// <summary>The trimmed lines of one service in docker-compose's resolved file (anchors expanded): those below its
    /// two-space-indented name, up to the next line indented as little.</summary>
    private static List<string> Service(List<string> config, string name) =>
        [.. config.SkipWhile(line => line != $"  {name}:").Skip(1).TakeWhile(line => line.StartsWith("   ", StringComparison.Ordinal)).Select(line => line.Trim())];

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Task<Script.Result> Compose(Dictionary<string, string?> environment, params string[] args) =>
        Script.RunAsync("docker-compose", ["-f", RepositoryRoot.Combine("docker-compose.yml"), .. args], environment);
}
