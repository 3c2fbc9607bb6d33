using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using PasidLedger.Api.Auth;
using PasidLedger.Bus;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger consumer iommu|kvm|vdcm|vfio --pool P</c>: runs one simulated kernel component over RabbitMQ until
/// stopped. It knows the ledger only through its token (<c>PASIDLEDGER_TOKEN</c> or <c>--token-file</c>, a component
/// token: its principal is the component's name, its <c>mm</c> the VM it serves) and the broker (<c>PASIDLEDGER_RABBITMQ</c>
/// or <c>--rabbitmq</c>). Its local state is saved under <c>--state-dir</c>, so a restarted consumer goes on where it stopped.
/// </summary>
internal static class ConsumerCommand
{
    public const string TokenVariable = "PASIDLEDGER_TOKEN";
    public const string BrokerVariable = "PASIDLEDGER_RABBITMQ";

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = $"One of {string.Join(", ", ComponentKinds.Names)}" };
        kind.AcceptOnlyFromAmong([.. ComponentKinds.Names]);
        var pool = new Option<string>("--pool") { Description = "The pool whose notifications it receives", Required = true };
        var tokenFile = new Option<string?>("--token-file") { Description = $"File holding its bearer token (default: ${TokenVariable})" };
        var broker = new Option<string?>("--rabbitmq") { Description = $"amqp:// URL of RabbitMQ (default: ${BrokerVariable})" };
        var stateDir = new Option<string>("--state-dir") { Description = "Where it saves its local state", DefaultValueFactory = _ => Path.Combine(".data", "consumers") };
        var iommu = new Option<string>("--iommu") { Description = "vfio: the name of the IOMMU consumer it binds through", DefaultValueFactory = _ => "iommu" };
        var crashAfter = new Option<string?>("--crash-after")
        {
            Description = "Misbehave on demand: kill this process right after the ledger answered the first command of this type (e.g. command.detach-spid.v1)",
        };
        var command = new Command("consumer", "Run one simulated kernel component (IOMMU, KVM, VDCM, VFIO) over RabbitMQ") { kind, pool, tokenFile, broker, stateDir, iommu, crashAfter };
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var token = Token(parse.GetValue(tokenFile));
            var (name, mm) = Principal(token);
            var link = new LedgerLink(parse.GetValue(pool)!, name, token, Broker(parse.GetValue(broker), "A consumer"));
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            });
            builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
            builder.AddConsumer(ComponentKinds.Find(parse.GetValue(kind)!)!, link, new ComponentOptions(mm, parse.GetValue(iommu)!, parse.GetValue(crashAfter)),
                Path.Combine(parse.GetValue(stateDir)!, LedgerLink.StateFileName(link.Name, link.Pool)));
            using var host = builder.Build();
            await host.RunAsync(ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static string Token(string? file)
    {
        var token = file is null ? Environment.GetEnvironmentVariable(TokenVariable) : File.ReadAllText(file);
        return string.IsNullOrWhiteSpace(token)
            ? throw new CliException($"A consumer needs its token: set {TokenVariable} or give --token-file (pasidledger token issue --role component …).")
            : token.Trim();
    }

    /// <summary>The name and VM the token speaks for; the ledger checks its signature, the consumer only needs to know who it is.</summary>
    private static (string Name, string? Mm) Principal(string token)
    {
        var jwt = new JsonWebTokenHandler().CanReadToken(token) ? new JsonWebToken(token) : throw new CliException("The token is not a JWT.");
        return jwt.TryGetPayloadValue<string>(LedgerTokens.PrincipalClaim, out var name) && !string.IsNullOrEmpty(name)
            ? (name, jwt.TryGetPayloadValue<string>(LedgerTokens.ActsForClaim, out var mm) ? mm : null)
            : throw new CliException("The token names no principal.");
    }

    /// <summary>The broker of <paramref name="option"/>, else of <c>PASIDLEDGER_RABBITMQ</c>; none is the user's to fix (<paramref name="who"/> needs one).</summary>
    public static Uri Broker(string? option, string who)
    {
        var text = option ?? Environment.GetEnvironmentVariable(BrokerVariable);
        return BrokerUrl.TryRead(text, out var broker)
            ? broker
            : throw new CliException($"{who} needs RabbitMQ: set {BrokerVariable} or give --rabbitmq amqp://… (./ops/rabbit status prints one).");
    }
}
