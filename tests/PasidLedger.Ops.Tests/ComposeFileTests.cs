using PasidLedger.Testing;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>docker-compose.yml as docker-compose reads it, which needs no Docker engine.</summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, string?> WithPassword = new()
    {
        ["PASIDLEDGER_PG_PASSWORD"] = "from-the-environment",
        ["PASIDLEDGER_JWT_KEYS"] = "a-key-from-the-environment",
    };

    [Fact]
    public async Task ComposeFile_DefinesPostgresAndTheLedger()
    {
        var result = await Compose(WithPassword, "config", "--services");

        result.ExitCode.ShouldBe(0, result.ToString());
        Lines(result.Stdout).ShouldBe(["pasidledger", "postgres"], ignoreOrder: true);
    }

    [Fact]
    public async Task ComposeFile_WithoutAPasswordInTheEnvironment_IsRefused_SoNoSecretIsCommitted()
    {
        var result = await Compose(new() { ["PASIDLEDGER_PG_PASSWORD"] = null, ["PASIDLEDGER_JWT_KEYS"] = "a-key" }, "config", "-q");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("PASIDLEDGER_PG_PASSWORD");
    }

    [Fact]
    public async Task ComposeFile_WithoutTokenKeysInTheEnvironment_IsRefused_SoNoKeyIsCommitted()
    {
        var result = await Compose(new() { ["PASIDLEDGER_PG_PASSWORD"] = "from-the-environment", ["PASIDLEDGER_JWT_KEYS"] = null }, "config", "-q");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("PASIDLEDGER_JWT_KEYS");
    }

    [Fact]
    public async Task PublishedApiPort_BindsLoopbackByDefault_AndNothingElseIsPublished()
    {
        var result = await Compose(WithPassword, "config");

        result.ExitCode.ShouldBe(0, result.ToString());
        // docker-compose 1.29 prints each published port as "- host_ip:host_port:container_port/protocol".
        Lines(result.Stdout).Where(line => line.EndsWith("/tcp", StringComparison.Ordinal)).ShouldBe(["- 127.0.0.1:5080:5080/tcp"]);
    }

    [Fact]
    public void PostgresImageDefault_IsTheOneInOpsDockerImagesEnv() =>
        File.ReadAllText(RepositoryRoot.Combine("docker-compose.yml"))
            .ShouldContain($"${{PASIDLEDGER_PG_IMAGE:-{Official("PASIDLEDGER_PG_IMAGE")}}}");

    [Fact]
    public void LedgerBaseImageDefault_IsTheOneInOpsDockerImagesEnv() =>
        File.ReadAllText(RepositoryRoot.Combine("ops/docker/ledger.Dockerfile"))
            .ShouldContain($"ARG RUNTIME_IMAGE={Official("PASIDLEDGER_RUNTIME_IMAGE")}\n");

    private static string Official(string variable) =>
        File.ReadLines(RepositoryRoot.Combine("ops/docker/images.env"))
            .Single(line => line.StartsWith(variable + "=", StringComparison.Ordinal))[(variable.Length + 1)..];

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Task<Script.Result> Compose(Dictionary<string, string?> environment, params string[] args) =>
        Script.RunAsync("docker-compose", ["-f", RepositoryRoot.Combine("docker-compose.yml"), .. args], environment);
}
