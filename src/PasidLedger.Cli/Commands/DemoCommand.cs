using System.CommandLine;
using System.Globalization;
using PasidLedger.Cli.Demo;
using PasidLedger.Postgres;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger demo</c>: the guest-SVA scenarios over the bus (<see cref="ServiceDemo"/>: the ledger hosted in-process on
/// PostgreSQL, starting the private cluster when no connection string is configured, and RabbitMQ from <c>--rabbitmq</c>
/// or <c>PASIDLEDGER_RABBITMQ</c>), or with <c>--in-memory</c> the free-before-unbind script against the pure domain.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var pool = new Option<string?>("--pool") { Description = "Pool name (default: a fresh demo-<timestamp>)" };
        var inMemory = new Option<bool>("--in-memory") { Description = "Play the free-before-unbind script against the pure domain: no PostgreSQL, no RabbitMQ" };
        var broker = new Option<string?>("--rabbitmq") { Description = $"amqp:// URL of RabbitMQ (default: ${ConsumerCommand.BrokerVariable})" };
        var command = new Command("demo", "Play the normal flow, free before unbind and a VM crash (DOMAIN.md 5.5, 5.7, 5.8) over the bus with the four consumers, and judge each");
        command.Options.Add(pool);
        command.Options.Add(inMemory);
        command.Options.Add(broker);
        DatabaseOptions.AddTo(command);
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var name = parse.GetValue(pool) ?? $"demo-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}";
            if (parse.GetValue(inMemory))
            {
                return DomainDemo.Run(Console.Out, name);
            }

            var rabbit = ConsumerCommand.Broker(parse.GetValue(broker), "The demo");
            var options = DatabaseOptions.TryResolve(parse) ?? new PostgresOptions
            {
                ConnectionString = await PrivateCluster.StartAsync(Console.Error, ct).ConfigureAwait(false),
                SchemaName = parse.GetValue<string>("--schema") ?? "public",
            };
            return await ServiceDemo.RunAsync(Console.Out, options, rabbit, name, ct).ConfigureAwait(false);
        }));
        return command;
    }
}
