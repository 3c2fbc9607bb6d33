using System.Runtime.Versioning;
using PasidLedger.Testing;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>The README's set-up commands and CI's entry point are runnable scripts.</summary>
[UnsupportedOSPlatform("windows")] // bash scripts and Unix file modes
public sealed class OpsScriptTests
{
    public static TheoryData<string> Scripts =>
        ["ops/pg", "ops/test", "ops/run", "ops/rabbit", "ops/compose", "ops/docker/engine", "ops/docker/image", "ops/docker/testcontainers", ".ci/run"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_ExistsAndIsExecutable(string script)
    {
        var path = RepositoryRoot.Combine(script);

        File.Exists(path).ShouldBeTrue($"{script} is missing");
        File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue($"{script} is not executable (chmod +x)");
        File.ReadAllText(path).ShouldStartWith("#!/usr/bin/env bash\n");
    }

    [Fact]
    public void CiRun_RunsTheWholeTestSuite()
    {
        File.ReadAllText(RepositoryRoot.Combine(".ci/run")).ShouldContain("./ops/test");
    }
}
