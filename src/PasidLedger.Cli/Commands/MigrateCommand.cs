using System.CommandLine;
using PasidLedger.Postgres;
using PasidLedger.Postgres.EventStore;
using PasidLedger.Postgres.Migrations;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger migrate</c>: applies the pending <c>migrations/NNNN_name.sql</c> files under the
/// migration advisory lock; refuses (exit 1) when an applied file changed since.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations (refuses if an applied migration file changed)");
        DatabaseOptions.AddTo(command);
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var options = DatabaseOptions.Resolve(parse);
            await using var dataSource = PostgresDataSourceFactory.Create(options);
            var applied = await new Migrator(dataSource, options.SchemaName).MigrateAsync(ct).ConfigureAwait(false);
            foreach (var script in applied)
            {
                Console.WriteLine($"applied {script.FileName} (sha256 {script.Sha256[..12]}…)");
            }

            Console.WriteLine(applied.Count == 0
                ? $"schema {options.SchemaName} is up to date: nothing to apply"
                : $"schema {options.SchemaName}: {applied.Count} migration(s) applied");
            return 0;
        }));
        command.Subcommands.Add(ExportMartenCommand());
        return command;
    }

    /// <summary><c>pasidledger migrate export-marten</c>: the DDL migration 0008 holds, as Marten writes it for the ledger's configuration.</summary>
    private static Command ExportMartenCommand()
    {
        var command = new Command("export-marten",
            $"Print the DDL Marten needs for the ledger's event store, in schema {MartenSchema.Placeholder} (migration 0008 holds it)");
        command.SetAction(_ =>
        {
            Console.Out.Write(MartenSchema.ExportScript());
            return 0;
        });
        return command;
    }
}
