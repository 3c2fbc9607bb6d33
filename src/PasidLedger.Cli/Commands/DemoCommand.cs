using System.CommandLine;
using System.Globalization;
using PasidLedger.Cli.Demo;
using PasidLedger.Postgres;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger demo</c>: the guest lifecycle against a fresh pool through the service's writer and
/// PostgreSQL (starting the private cluster when no connection string is configured), or with
/// <c>--in-memory</c> against the pure domain.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var pool = new Option<string?>("--pool") { Description = "Pool name (default: a fresh demo-<timestamp>)" };
        var inMemory = new Option<bool>("--in-memory") { Description = "Play against the pure domain, without PostgreSQL" };
        var command = new Command("demo", "Play the guest-SVA free-before-unbind lifecycle (DOMAIN.md 5.5/5.7) against a fresh pool and print it");
        command.Options.Add(pool);
        command.Options.Add(inMemory);
        DatabaseOptions.AddTo(command);
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var name = parse.GetValue(pool) ?? $"demo-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}";
            if (parse.GetValue(inMemory))
            {
                return DomainDemo.Run(Console.Out, name);
            }

            var options = DatabaseOptions.TryResolve(parse) ?? new PostgresOptions
            {
                ConnectionString = await PrivateCluster.StartAsync(Console.Error, ct).ConfigureAwait(false),
                SchemaName = parse.GetValue<string>("--schema") ?? "public",
            };
            return await ServiceDemo.RunAsync(Console.Out, options, name, ct).ConfigureAwait(false);
        }));
        return command;
    }
}
