using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Api.Tests.Support;
using PasidLedger.Bus.Relay;

namespace PasidLedger.Api.Tests.Scenarios;

/// <summary>The service with its bus, its relay sending every message twice (<see cref="TwicePublisher"/>).</summary>
public sealed class TwiceDeliveringLedgerApi(PostgresServer server) : BusLedgerApi(server)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var relayed = services.Single(service => service.ServiceType == typeof(IRelayPublisher));
            services.Remove(relayed);
            services.AddSingleton<IRelayPublisher>(provider => new TwicePublisher((IRelayPublisher)relayed.ImplementationFactory!(provider)));
        });
    }
}
