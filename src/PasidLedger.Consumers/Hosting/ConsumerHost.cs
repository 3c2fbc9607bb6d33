using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// A consumer process: one component on MassTransit over RabbitMQ. The ledger's messages are plain JSON (docs/wire-format.md),
/// so the endpoints for notifications, work and results read raw JSON, one message at a time and in order; the control queue
/// speaks MassTransit's own envelope with the scenario driver and the other consumers.
/// </summary>
public static class ConsumerHost
{
    public static IHostApplicationBuilder AddConsumer(this IHostApplicationBuilder builder, ComponentKind kind, LedgerLink link, ComponentOptions options, string statePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(link);
        var services = builder.Services;
        services.AddSingleton(link).AddSingleton(options).AddSingleton<PendingResults>().AddSingleton<ComponentGate>().AddSingleton<LedgerCommands>().AddSingleton<Delivery>();
        services.AddSingleton<ILedgerCommands>(provider => options.CrashAfter is { } messageType
            ? new CrashingLedgerCommands(provider.GetRequiredService<LedgerCommands>(), messageType)
            : provider.GetRequiredService<LedgerCommands>());
        kind.AddTo(services, statePath);
        services.AddOptions<MassTransitHostOptions>().Configure(host => host.WaitUntilStarted = true);
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<NotificationConsumer>();
            bus.AddConsumer<RunWorkConsumer>();
            bus.AddConsumer<CommandResultConsumer>();
            bus.AddConsumer<ShowStateConsumer>();
            foreach (var request in kind.ControlRequests)
            {
                bus.AddConsumer(typeof(ControlConsumer<>).MakeGenericType(request));
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.UseBroker(link.Broker);
                rabbit.AddRawJsonSerializer(RawSerializerOptions.AnyMessageType);
                LedgerEndpoint<NotificationConsumer>(rabbit, context, QueueNames.Notifications(link.Pool, link.Name));
                LedgerEndpoint<RunWorkConsumer>(rabbit, context, QueueNames.Work(link.Pool, link.Name));
                LedgerEndpoint<CommandResultConsumer>(rabbit, context, link.ResultsQueue);
                rabbit.ReceiveEndpoint(link.ControlQueue, control =>
                {
                    control.ConfigureConsumeTopology = false;
                    control.ConfigureConsumer<ShowStateConsumer>(context);
                    foreach (var request in kind.ControlRequests)
                    {
                        control.ConfigureConsumer(context, typeof(ControlConsumer<>).MakeGenericType(request));
                    }
                });
            });
        });
        services.AddHostedService<ComponentStartup>();
        return builder;
    }

    /// <summary>A queue of the ledger's plain-JSON messages, consumed one at a time so they are handled in the order they were sent.</summary>
    private static void LedgerEndpoint<TConsumer>(IRabbitMqBusFactoryConfigurator rabbit, IBusRegistrationContext context, string queue)
        where TConsumer : class, IConsumer
    {
        rabbit.ReceiveEndpoint(queue, endpoint =>
        {
            endpoint.ConfigureConsumeTopology = false;
            endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            endpoint.PrefetchCount = 1;
            endpoint.ConcurrentMessageLimit = 1;
            // Never to the _error queue: a notification put aside is never acknowledged, a RunWork never completed (the pool's
            // ordered queue would wait for ever). Retry, backing off to once every 30 s, until it goes through.
            endpoint.UseMessageRetry(retry => retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
            endpoint.ConfigureConsumer<TConsumer>(context);
        });
    }
}
