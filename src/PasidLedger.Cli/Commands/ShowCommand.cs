using System.CommandLine;
using Npgsql;
using PasidLedger.Cli.Viewing;
using PasidLedger.Postgres;
using PasidLedger.Postgres.ReadModels;
using Spectre.Console;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger show pool|set|ioasid … [--as-of V|TIME]</c> (issue 9): a pool's capacity, a set with its
/// members or one IOASID as tables, from the live read models or, with <c>--as-of</c>, as it stood then.
/// </summary>
internal static class ShowCommand
{
    /// <summary>Prints what a subcommand shows from the pool's rows.</summary>
    private delegate Task Printer(IPoolViews views, IAnsiConsole console, CancellationToken ct);

    public static Command Create()
    {
        var command = new Command("show", "Print a pool, a set or an IOASID as tables, now or as it stood at a past version or time");
        command.Subcommands.Add(Subcommand("pool", "The pool's capacity, availability and stream version", null, _ => PrintPoolAsync));
        command.Subcommands.Add(SetCommand());
        command.Subcommands.Add(IoasidCommand());
        return command;
    }

    /// <param name="printer">Checks the subject's arguments (before anything is read) and answers what to print.</param>
    private static Command Subcommand(string name, string description, Argument? subject, Func<ParseResult, Printer> printer)
    {
        var pool = LedgerArguments.Pool();
        var asOf = AsOfOption.Create();
        var command = new Command(name, description) { pool };
        if (subject is not null)
        {
            command.Arguments.Add(subject);
        }

        command.Options.Add(asOf);
        DatabaseOptions.AddTo(command);
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var print = printer(parse);
            await using var dataSource = PostgresDataSourceFactory.Create(DatabaseOptions.Resolve(parse));
            var views = await OpenAsync(dataSource, parse.GetValue(pool)!, parse.GetValue(asOf), ct).ConfigureAwait(false);
            await print(views, CliConsole.Create(), ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static async Task<IPoolViews> OpenAsync(NpgsqlDataSource dataSource, string pool, string? asOf, CancellationToken ct)
    {
        if (asOf is not null)
        {
            return new PastPoolViews(await AsOfOption.LoadAsync(dataSource, pool, asOf, ct).ConfigureAwait(false));
        }

        var queries = new ReadModelQueries(dataSource);
        return new LivePoolViews(queries, await LedgerArguments.KnownPoolAsync(queries, pool, ct).ConfigureAwait(false));
    }

    private static async Task PrintPoolAsync(IPoolViews views, IAnsiConsole console, CancellationToken ct)
    {
        var capacity = await views.CapacityAsync(ct).ConfigureAwait(false);
        console.WriteLine(views.Heading);
        console.Write(ViewTables.Capacity(capacity));
    }

    private static Command SetCommand()
    {
        var setId = LedgerArguments.SetId();
        return Subcommand("set", "A set with its members", setId, parse =>
        {
            var checkedSetId = LedgerArguments.CheckedSetId(parse.GetValue(setId));
            return async (views, console, ct) =>
            {
                var set = await views.SetAsync(checkedSetId, ct).ConfigureAwait(false);
                var members = await views.MembersAsync(checkedSetId, ct).ConfigureAwait(false);
                console.WriteLine(views.Heading);
                console.Write(ViewTables.Set(set));
                console.WriteLine(members.Count == 0 ? $"set {checkedSetId} has no members" : $"members of set {checkedSetId}:");
                if (members.Count > 0)
                {
                    console.Write(ViewTables.Members(members));
                }
            };
        });
    }

    private static Command IoasidCommand()
    {
        var id = LedgerArguments.Id();
        return Subcommand("ioasid", "One IOASID: state, refs, holders, SPID and private data", id, parse =>
        {
            var checkedId = LedgerArguments.CheckedId(parse.GetValue(id));
            return async (views, console, ct) =>
            {
                var ioasid = await views.IoasidAsync(checkedId, ct).ConfigureAwait(false);
                console.WriteLine(views.Heading);
                console.Write(ViewTables.Ioasid(ioasid));
            };
        });
    }
}
