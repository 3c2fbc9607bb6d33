using System.CommandLine;
using PasidLedger.Cli.Viewing;
using PasidLedger.Postgres;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.ReadModels;
using Spectre.Console;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger history ioasid|set …</c> (issue 9): every event and refusal that concerned an IOASID
/// (all its generations, or one) or a set, oldest first, as <c>GET …/history</c> lists them.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var command = new Command("history", "Print every event and refusal that concerned an IOASID or a set, oldest first");
        command.Subcommands.Add(IoasidCommand());
        command.Subcommands.Add(SetCommand());
        return command;
    }

    private static Command IoasidCommand()
    {
        var id = LedgerArguments.Id();
        var generation = new Option<int?>("--generation") { Description = "Only this generation of the ID (default: all of them)" };
        var command = Subcommand("ioasid", "The history of an IOASID across its generations", id, parse =>
        {
            var (checkedId, only) = (LedgerArguments.CheckedId(parse.GetValue(id)), LedgerArguments.CheckedGeneration(parse.GetValue(generation)));
            var subject = new HistorySubject.OfIoasid(checkedId, only);
            return (subject, only is null ? $"IOASID {checkedId}" : $"IOASID {checkedId} generation {only}");
        });
        command.Options.Add(generation);
        return command;
    }

    private static Command SetCommand()
    {
        var setId = LedgerArguments.SetId();
        return Subcommand("set", "The history of a set: the events that concerned it and the refusals that named it", setId, parse =>
        {
            var checkedSetId = LedgerArguments.CheckedSetId(parse.GetValue(setId));
            return (new HistorySubject.OfSet(checkedSetId), $"set {checkedSetId}");
        });
    }

    /// <param name="subjectOf">Checks the arguments (before anything is read) and answers whose history, and how to name it.</param>
    private static Command Subcommand(string name, string description, Argument subjectArgument,
        Func<ParseResult, (HistorySubject Subject, string Name)> subjectOf)
    {
        var pool = LedgerArguments.Pool();
        var command = new Command(name, description) { pool, subjectArgument };
        DatabaseOptions.AddTo(command);
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var (subject, subjectName) = subjectOf(parse);
            var poolName = parse.GetValue(pool)!;
            await using var dataSource = PostgresDataSourceFactory.Create(DatabaseOptions.Resolve(parse));
            await LedgerArguments.KnownPoolAsync(new ReadModelQueries(dataSource), poolName, ct).ConfigureAwait(false);
            var entries = await new HistoryQueries(dataSource).SubjectAsync(poolName, subject, null, ct).ConfigureAwait(false);
            var console = CliConsole.Create();
            if (entries.Count == 0)
            {
                console.WriteLine($"pool {poolName}: nothing ever concerned {subjectName}");
                return 0;
            }

            var refusals = entries.Count(e => e.Rejected);
            console.WriteLine($"pool {poolName}: history of {subjectName}, oldest first ({entries.Count - refusals} event(s), {refusals} refusal(s))");
            console.Write(HistoryTable.Of(entries));
            return 0;
        }));
        return command;
    }
}
