using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using PasidLedger.Api.Auth;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger token issue --principal P --role R [--mm mm:VM] [--ttl 1h] [--key-file F]</c>: prints a bearer token signed
/// with the service's key, the one <c>serve</c> checks (<see cref="TokenSettings"/>: PASIDLEDGER_JWT_KEY_FILE or
/// PASIDLEDGER_JWT_KEYS, or <c>--key-file</c>). Only the token goes to stdout, so <c>$(pasidledger token issue …)</c> works.
/// </summary>
internal static partial class TokenCommand
{
    public static Command Create()
    {
        var issue = new Command("issue", "Print a bearer token for a principal in a role, signed with the service's key");
        issue.Options.Add(new Option<string>("--principal") { Description = "Who the token speaks for, e.g. operator:alice, mm:vm1, kvm:vm1", Required = true });
        issue.Options.Add(new Option<string>("--role") { Description = $"One of {string.Join(", ", LedgerRoles.All)}", Required = true });
        issue.Options.Add(new Option<string?>("--mm") { Description = "For a component: the VM it acts for (mm:<vm>), which confines it to that VM's set" });
        issue.Options.Add(new Option<string>("--ttl") { Description = "Lifetime: a number and s, m, h or d (default 1h; at most 30d)", DefaultValueFactory = _ => "1h" });
        issue.Options.Add(new Option<string?>("--key-file") { Description = "File of base64 keys, the first signs (default: $PASIDLEDGER_JWT_KEY_FILE or $PASIDLEDGER_JWT_KEYS)" });
        issue.SetAction((parse, _) => CliRun.GuardAsync(() =>
        {
            var settings = TokenSettings.From(Configuration(parse.GetValue<string?>("--key-file")));
            var principal = parse.GetValue<string>("--principal")!;
            if (principal.Length is 0 or > 200 || principal.Any(char.IsControl))
            {
                throw new CliException("'--principal' must be 1 to 200 characters without control characters.");
            }

            var role = parse.GetValue<string>("--role")!;
            if (!LedgerRoles.IsKnown(role))
            {
                throw new CliException($"'--role' must be one of {string.Join(", ", LedgerRoles.All)}; got '{role}'.");
            }

            var actsFor = parse.GetValue<string?>("--mm");
            if (LedgerTokens.PrincipalProblem(principal, role, actsFor) is { } problem)
            {
                throw new CliException(problem + ".");
            }

            Console.WriteLine(LedgerTokens.Issue(settings, principal, role, Lifetime(parse.GetValue<string>("--ttl")!), DateTimeOffset.UtcNow, actsFor));
            return Task.FromResult(0);
        }));
        return new Command("token", "Bearer tokens for the HTTP API") { issue };
    }

    /// <summary>The process environment, with <c>--key-file</c> first when given.</summary>
    private static IConfiguration Configuration(string? keyFile)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (keyFile is not null)
        {
            builder.AddInMemoryCollection([new("Auth:KeyFile", keyFile)]);
        }

        return builder.Build();
    }

    private static TimeSpan Lifetime(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new CliException($"'--ttl' must be a number and s, m, h or d, e.g. 30m or 8h; got '{text}'.");
        }

        var unit = match.Groups[2].Value switch { "s" => TimeSpan.FromSeconds(1), "m" => TimeSpan.FromMinutes(1), "h" => TimeSpan.FromHours(1), _ => TimeSpan.FromDays(1) };
        return count > LedgerTokens.MaxLifetime / unit || count == 0
            ? throw new CliException($"'--ttl' must be more than 0 and at most {LedgerTokens.MaxLifetime.TotalDays:N0} days; got '{text}'.")
            : unit * count;
    }

    [GeneratedRegex("^([0-9]{1,9})([smhd])$")]
    private static partial Regex Duration();
}
