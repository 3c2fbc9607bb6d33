using System.CommandLine;
using PasidLedger.Postgres;
using PasidLedger.Postgres.Projections;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger projections rebuild|verify [--pool P]</c> (ARCHITECTURE.md 4): recreate the inline
/// read models from the events alone, or compare a fresh fold with the live tables (exit 1 on any difference).
/// </summary>
internal static class ProjectionsCommand
{
    public static Command Create()
    {
        var command = new Command("projections", "Rebuild or verify the read models from the events");
        command.Subcommands.Add(Subcommand("rebuild", "Recreate the read models of a pool (default: every pool) from its events alone", RebuildAsync));
        command.Subcommands.Add(Subcommand("verify", "Fold the events afresh and report every difference with the live read models (exit 1 if any)", VerifyAsync));
        return command;
    }

    private static Command Subcommand(string name, string description, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description);
        command.Options.Add(new Option<string?>("--pool") { Description = "Only this pool (default: every pool)" });
        DatabaseOptions.AddTo(command);
        command.SetAction((parse, ct) => CliRun.GuardAsync(() => action(parse, ct)));
        return command;
    }

    private static async Task<int> RebuildAsync(ParseResult parse, CancellationToken ct)
    {
        await using var dataSource = PostgresDataSourceFactory.Create(DatabaseOptions.Resolve(parse));
        var rebuilder = new ProjectionRebuilder(dataSource);
        var summary = await EventProgress.RunAsync("rebuilding", progress =>
            rebuilder.RebuildAsync(parse.GetValue<string?>("--pool"), progress, ct)).ConfigureAwait(false);
        Console.WriteLine(
            $"rebuilt {summary.Pools} pool(s): {summary.Events:N0} events folded, {summary.Rows:N0} rows written "
            + $"in {summary.Elapsed.TotalSeconds:N2} s ({summary.EventsPerSecond:N0} events/s)");
        return 0;
    }

    private static async Task<int> VerifyAsync(ParseResult parse, CancellationToken ct)
    {
        await using var dataSource = PostgresDataSourceFactory.Create(DatabaseOptions.Resolve(parse));
        var verifier = new ProjectionVerifier(dataSource);
        var verification = await EventProgress.RunAsync("verifying", progress =>
            verifier.VerifyAsync(parse.GetValue<string?>("--pool"), progress, ct)).ConfigureAwait(false);
        foreach (var difference in verification.Differences)
        {
            Console.WriteLine(difference);
        }

        Console.WriteLine(verification.Matches
            ? $"read models match the events: {verification.Pools} pool(s), {verification.Events:N0} events, no difference"
            : $"{verification.Differences.Count} difference(s) in {verification.Pools} pool(s) ({verification.Events:N0} events folded)");
        return verification.Matches ? 0 : 1;
    }
}
