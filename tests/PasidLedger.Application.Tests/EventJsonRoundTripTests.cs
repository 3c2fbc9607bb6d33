using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;
using Shouldly;
using Xunit;

namespace PasidLedger.Application.Tests;

/// <summary>Every event survives the ledger's JSON under its persisted name (STYLE.md: JSON round trip of every event).</summary>
public sealed class EventJsonRoundTripTests
{
    public static TheoryData<Type> EventTypes => [.. EventNames.Types];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EveryEventType_RoundTripsThroughJson_ToAnEqualEvent(Type type)
    {
        Prop.ForAll(Arb.From(EventGenerators.For(type)), original =>
            {
                var (name, body) = EventSerializer.Serialize(original);

                var back = EventSerializer.Deserialize(name, body);

                name.ShouldBe(EventNames.NameOf(type));
                back.ShouldBeOfType(type);
                back.ShouldBe(original);
                EventSerializer.Serialize(back).Body.ShouldBe(body);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EveryEventBody_IsACamelCaseObjectOfItsFields_WithEnumsAsStrings(Type type)
    {
        var sample = EventGenerators.For(type).Sample(1, 1)[0];
        var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

        using var body = JsonDocument.Parse(EventSerializer.Serialize(sample).Body);

        body.RootElement.EnumerateObject().Select(p => p.Name)
            .ShouldBe(parameters.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)), ignoreOrder: true);
        foreach (var parameter in parameters.Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum))
        {
            var value = body.RootElement.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!));
            value.ValueKind.ShouldBeOneOf(JsonValueKind.String, JsonValueKind.Null);
        }
    }

    [Fact]
    public void EveryPersistedName_MapsBackToItsType_AndNoTwoTypesShareOne()
    {
        var names = EventNames.Types.Select(EventNames.NameOf).ToArray();

        names.ShouldBeUnique();
        foreach (var type in EventNames.Types)
        {
            EventNames.TypeOf(EventNames.NameOf(type)).ShouldBe(type);
        }
    }

    [Theory]
    [InlineData("ioasid.teleported.v1")]
    [InlineData("ioasid.allocated.v2")]
    [InlineData("IoasidAllocated")]
    [InlineData("")]
    public void AnUnknownPersistedName_IsRefused_NotGuessed(string name)
    {
        var refusal = Should.Throw<UnknownEventTypeException>(() => EventSerializer.Deserialize(name, "{}"));

        refusal.Type.ShouldBe(name);
    }
}
