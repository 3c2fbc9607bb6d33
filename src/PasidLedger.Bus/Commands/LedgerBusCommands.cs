using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PasidLedger.Bus.Commands;

/// <summary>Registers the bus command endpoint; the host provides <see cref="IBearerTokens"/>, <see cref="IRefusalAudit"/> and the pool writers.</summary>
public static class LedgerBusCommands
{
    public static IServiceCollection AddLedgerBusCommands(this IServiceCollection services, Uri broker)
    {
        services.AddSingleton<CommandEndpoint>();
        services.AddHostedService(provider => new RabbitCommandListener(broker, provider.GetRequiredService<CommandEndpoint>(),
            provider.GetRequiredService<ILogger<RabbitCommandListener>>()));
        return services;
    }
}
