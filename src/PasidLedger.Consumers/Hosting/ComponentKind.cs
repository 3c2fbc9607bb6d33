using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Hosting;

/// <summary>One kind of component a consumer process can run: its name, how it is put into the container, and the control requests it answers.</summary>
public sealed record ComponentKind(string Name, Action<IServiceCollection, string> AddTo, IReadOnlyList<Type> ControlRequests)
{
    /// <summary>A kind run by <typeparamref name="TComponent"/>, which keeps <typeparamref name="TMemory"/> in the state file given to <see cref="AddTo"/>.</summary>
    public static ComponentKind Of<TComponent, TMemory>(string name, params Type[] controlRequests)
        where TComponent : LedgerComponent<TMemory>
        where TMemory : ComponentMemory, new() =>
        new(name, (services, statePath) =>
        {
            services.AddSingleton(new StateFile<TMemory>(statePath));
            services.AddSingleton<TComponent>();
            services.AddSingleton<ILedgerComponent>(provider => provider.GetRequiredService<TComponent>());
            foreach (var request in controlRequests)
            {
                services.AddSingleton(typeof(IControlHandler<>).MakeGenericType(request), provider => provider.GetRequiredService<TComponent>());
            }
        }, controlRequests);

    /// <summary>This kind with <paramref name="services"/> added to the container too (what only its component needs).</summary>
    public ComponentKind With(Action<IServiceCollection> services) =>
        this with { AddTo = (collection, statePath) => { AddTo(collection, statePath); services(collection); } };
}
