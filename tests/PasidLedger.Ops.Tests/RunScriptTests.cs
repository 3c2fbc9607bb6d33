using System.Runtime.Versioning;
using Shouldly;
using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary><c>ops/run</c> serves only when asked to: options alone go to the CLI.</summary>
[UnsupportedOSPlatform("windows")]
[Collection(nameof(ScriptsThatBuild))]
public sealed class RunScriptTests
{
    [Fact]
    public async Task RunWithVersion_PrintsTheVersion_AndExits()
    {
        var result = await Script.RunAsync("ops/run", ["--version"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task RunWithAnUnknownOption_IsRefused_AndExits()
    {
        var result = await Script.RunAsync("ops/run", ["--bogus"]);

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("--bogus");
    }
}
