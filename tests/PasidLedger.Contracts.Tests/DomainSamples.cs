using System.Reflection;

namespace PasidLedger.Contracts.Tests;

/// <summary>
/// One instance of any domain record, built through its widest constructor with a fixed value per type,
/// so a new event or field is covered without touching the tests. <c>withNulls</c> leaves every nullable
/// parameter null; otherwise all get values, and a [Flags] enum gets all its bits.
/// </summary>
internal static class DomainSamples
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static object Of(Type type, bool withNulls)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType, withNulls && IsNullable(p), withNulls))]);
    }

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null || Nullability.Create(parameter).WriteState == NullabilityState.Nullable;

    private static object? Value(Type type, bool asNull, bool withNulls) => asNull ? null : (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "text-1",
        var t when t == typeof(bool) => true,
        var t when t == typeof(int) => 7,
        var t when t == typeof(uint) => 42u,
        var t when t == typeof(long) => 1_048_576L,
        var t when t == typeof(Guid) => Guid.Parse("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4a"),
        var t when t.IsDefined(typeof(FlagsAttribute)) => Enum.ToObject(t, Enum.GetValues(t).Cast<object>().Aggregate(0, (bits, v) => bits | Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))),
        var t when t.IsEnum => Enum.GetValues(t).GetValue(Enum.GetValues(t).Length - 1),
        var t when t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => List(t.GetGenericArguments()[0], withNulls),
        var t when t.IsClass => Of(t, withNulls),
        var t => throw new NotSupportedException($"No sample for {t.Name}; add one so the new field is covered."),
    };

    private static Array List(Type element, bool withNulls)
    {
        var list = Array.CreateInstance(element, 1);
        list.SetValue(Value(element, asNull: false, withNulls), 0);
        return list;
    }
}
