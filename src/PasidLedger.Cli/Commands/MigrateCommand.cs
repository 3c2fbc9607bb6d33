using System.CommandLine;
using PasidLedger.Postgres;
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
        return command;
    }
}
