using System.Diagnostics;
using System.Text.RegularExpressions;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>STYLE.md: a closed event hierarchy, one persisted name per event, an Evolve arm for each.</summary>
public sealed partial class EventRegistryTests
{
    private static readonly Type[] ConcreteEvents =
        [.. typeof(PoolEvent).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(PoolEvent)) && !type.IsAbstract)];

    public static TheoryData<Type> EventTypes => [.. ConcreteEvents];

    [Fact]
    public void EveryEventTypeHasAnEvolveArmAndAPersistedName()
    {
        EventNames.Types.ShouldBe(ConcreteEvents, ignoreOrder: true);
        var names = ConcreteEvents.Select(EventNames.NameOf).ToArray();
        names.ShouldAllBe(name => PersistedName().IsMatch(name));
        names.ShouldBeUnique();
        foreach (var type in ConcreteEvents)
        {
            EventNames.TypeOf(EventNames.NameOf(type)).ShouldBe(type);
            var failure = Record.Exception(() => Pool.Evolve(new PoolState(), Sample(type)));
            failure.ShouldNotBeOfType<UnreachableException>($"{type.Name} has no Evolve arm");
        }
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EveryEvent_FoldsWithoutErrorIntoAPoolWhereItsEntitiesExist(Type type)
    {
        var state = Populated();

        Pool.Evolve(state, Sample(type));

        state.Version.ShouldBe(6);
    }

    /// <summary>A pool with set 0 (MM, token mmA), IOASID 1 in it, registration 1 on its chain and work "w" queued.</summary>
    private static PoolState Populated() => Pool.Replay(
    [
        new PoolCreated("pool", PoolOptions.Default),
        new SetCreated(0, SetType.Mm, "mmA", 0, Ioasid.DefaultCapacity),
        new IoasidAllocated(1, 1, 0, 1, 10, null),
        new NotifierRegistered(1, "kvm", NotifierScope.Mm, 0, "mmA", Priority.Cpu, null, [], Active: true),
        new WorkQueued("w", "iommu", 1, NotificationKind.Free),
    ]);

    /// <summary>An instance built through the record's constructor, with arguments naming the entities of <see cref="Populated"/>.</summary>
    private static PoolEvent Sample(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => SampleArgument(type, p.Name!, p.ParameterType)).ToArray();
        return (PoolEvent)constructor.Invoke(arguments);
    }

    private static object? SampleArgument(Type @event, string name, Type type) => (name, type) switch
    {
        ("Id", _) when @event == typeof(IoasidAllocated) => 2u, // a fresh number; 1 is allocated
        ("Id", _) when type == typeof(uint) || type == typeof(uint?) => 1u,
        ("Spid", _) => 101u,
        ("Generation" or "NotifierId", _) => 1,
        ("Holder", _) => Ioasid.CoreHolder,
        ("WorkId", _) => "w",
        (_, _) when type == typeof(int) => 0,
        (_, _) when type == typeof(long) => 1L,
        (_, _) when type == typeof(bool) => true,
        (_, _) when type == typeof(string) => "sample",
        (_, _) when type == typeof(PoolOptions) => PoolOptions.Default,
        (_, _) when type.IsEnum => Enum.GetValues(type).GetValue(0),
        (_, _) when type == typeof(IReadOnlyList<string>) => Array.Empty<string>(),
        (_, _) when type == typeof(IReadOnlyList<Reaction>) => Array.Empty<Reaction>(),
        _ => null,
    };

    [GeneratedRegex(@"^[a-z]+(\.[a-z-]+)+\.v\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PersistedName();
}
