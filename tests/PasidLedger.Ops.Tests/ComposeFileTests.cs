using System.Diagnostics;
using PasidLedger.Testing;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>docker-compose.yml is valid for docker-compose, which needs no Docker engine to check it.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task ComposeFile_IsValid()
    {
        var (exitCode, _, stderr) = await DockerCompose("config", "-q");

        exitCode.ShouldBe(0, stderr);
    }

    [Fact]
    public async Task ComposeFile_DefinesPostgresRabbitmqAndTheService()
    {
        var (exitCode, stdout, stderr) = await DockerCompose("config", "--services");

        exitCode.ShouldBe(0, stderr);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ShouldBe(["pasidledger", "postgres", "rabbitmq"], ignoreOrder: true);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> DockerCompose(params string[] args)
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, "docker-compose"))
            .FirstOrDefault(File.Exists);
        executable.ShouldNotBeNull("docker-compose is not installed: run ./ops/test, which installs docker-compose");

        var start = new ProcessStartInfo(executable, ["-f", RepositoryRoot.Combine("docker-compose.yml"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
