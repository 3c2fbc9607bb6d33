using PasidLedger.Api.Auth;
using PasidLedger.Application.Ports;
using PasidLedger.Bus.Commands;
using PasidLedger.Postgres.History;
using Wolverine;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// The bus side of the service, when a broker is configured (<c>PASIDLEDGER_RABBITMQ</c> or <c>Bus:RabbitMq</c>, an
/// <c>amqp://</c> URL; <c>./ops/run</c> sets it): the relay (<see cref="LedgerRelay"/>), and the command endpoint on
/// <c>pasidledger.commands</c>, authenticated with the HTTP bearer tokens and audited with the HTTP refusals, on Wolverine
/// (<see cref="CommandMessages.UseLedgerBus"/>). Without a broker the service runs HTTP alone.
/// </summary>
public static class LedgerBus
{
    public static void AddLedgerBus(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (LedgerRelay.Broker(builder.Configuration) is not { } broker)
        {
            return;
        }

        LedgerRelay.Add(builder.Services, broker);
        builder.Services.AddSingleton<IBearerTokens, BearerTokens>();
        builder.Services.AddSingleton<IRefusalAudit>(provider => provider.GetRequiredService<RefusalAudit>());
        builder.Services.AddSingleton<INotificationLookup, PostgresNotificationLookup>();
        builder.Services.AddSingleton<CommandEndpoint>();
        builder.Services.AddSingleton(_ => new ResultPublisher(broker)); // created by the container, so disposed with it
        builder.Host.UseWolverine(wolverine => wolverine.UseLedgerBus(broker));
    }
}
