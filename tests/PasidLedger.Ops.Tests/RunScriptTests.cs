using System.Runtime.Versioning;
using PasidLedger.Testing;
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

    [Fact]
    public async Task TokenIssue_SignsWithTheDevelopmentKey_MadeOnFirstUse_AndOnlyTheTokenGoesToStdout()
    {
        Dictionary<string, string?> noKey = new() { ["PASIDLEDGER_JWT_KEYS"] = null, ["PASIDLEDGER_JWT_KEY_FILE"] = null };

        var result = await Script.RunAsync("ops/run", ["token", "issue", "--principal", "mm:vm1", "--role", "vm", "--ttl", "10m"], noKey);

        result.ExitCode.ShouldBe(0, result.ToString());
        var parts = result.Stdout.Trim().Split('.');
        parts.Length.ShouldBe(3, result.Stdout);
        var payload = System.Text.Json.JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        payload.GetProperty("sub").GetString().ShouldBe("mm:vm1");
        payload.GetProperty("role").GetString().ShouldBe("vm");
        var key = RepositoryRoot.Combine(".data/dev-jwt.key");
        File.Exists(key).ShouldBeTrue();
        File.GetUnixFileMode(key).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task TokenIssue_ForAComponentActingForAVm_CarriesItsMm_AndAVmMustBeNamedMm()
    {
        var component = await Script.RunAsync("ops/run", ["token", "issue", "--principal", "vfio:vm1", "--role", "component", "--mm", "mm:vm1"]);
        var misnamed = await Script.RunAsync("ops/run", ["token", "issue", "--principal", "vm1", "--role", "vm"]);

        component.ExitCode.ShouldBe(0, component.ToString());
        var payload = System.Text.Json.JsonDocument.Parse(Base64Url(component.Stdout.Trim().Split('.')[1])).RootElement;
        payload.GetProperty("mm").GetString().ShouldBe("mm:vm1");
        misnamed.ExitCode.ShouldBe(1, misnamed.ToString());
        misnamed.Stdout.ShouldBeEmpty();
        misnamed.Stderr.ShouldContain("a vm principal, and only a vm principal, is named mm:<vm>");
    }

    [Fact]
    public async Task TokenIssue_WithAnUnknownRole_IsRefused_OnOneLine()
    {
        var result = await Script.RunAsync("ops/run", ["token", "issue", "--principal", "x", "--role", "king"]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("'--role' must be one of operator, auditor, vm, component");
    }

    private static byte[] Base64Url(string part)
    {
        var text = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }
}
