using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using PasidLedger.Domain.Events;

namespace PasidLedger.Application.Tests;

/// <summary>
/// Random instances of any event record, built through its constructor: every parameter gets a
/// generator for its type (nulls only where the parameter is nullable), so a new event type or
/// field is covered without touching the tests.
/// </summary>
public static class EventGenerators
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Valid UTF-16 text: ASCII, JSON-significant and control characters, other planes (surrogate pairs).</summary>
    public static Gen<string> Text { get; } =
        Gen.ListOf(Gen.Frequency(
                (8, Gen.Choose(0x20, 0x7E)),
                (2, Gen.Elements(0x22, 0x5C, 0x0A, 0x09, 0x00, 0x7F, 0x3C, 0x26, 0x27, 0x2028)),
                (2, Gen.Choose(0xA0, 0xD7FF)),
                (1, Gen.Choose(0xE000, 0xFFFD)),
                (1, Gen.Choose(0x10000, 0x10FFFF))))
            .Select(codePoints => string.Concat(codePoints.Select(char.ConvertFromUtf32)));

    public static Gen<PoolEvent> For(Type type) => Construct(type).Select(instance => (PoolEvent)instance!);

    private static Gen<object?> Construct(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Value(p.ParameterType, Nullability.Create(p)));
        return Gen.CollectToArray(arguments).Select(values => (object?)constructor.Invoke(values));
    }

    private static Gen<object?> Value(Type type, NullabilityInfo nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return OrNull(Value(underlying, nullability));
        }

        var value = NonNull(type, nullability);
        return !type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? OrNull(value) : value;
    }

    private static Gen<object?> NonNull(Type type, NullabilityInfo nullability) => type switch
    {
        _ when type == typeof(string) => Text.Select(text => (object?)text),
        _ when type == typeof(bool) => Gen.Elements<object?>(true, false),
        _ when type == typeof(int) => Gen.Frequency((1, Gen.Elements(int.MinValue, -1, 0, int.MaxValue)), (4, Gen.Choose(int.MinValue, int.MaxValue))).Select(n => (object?)n),
        _ when type == typeof(uint) => Gen.Frequency((1, Gen.Elements(0u, 1u, uint.MaxValue)), (4, Words.Select(w => (uint)w))).Select(n => (object?)n),
        _ when type == typeof(long) => Gen.Frequency((1, Gen.Elements(long.MinValue, 0L, long.MaxValue)), (4, Words.Zip(Words, (hi, lo) => (long)((hi << 32) | lo)))).Select(n => (object?)n),
        _ when type == typeof(Guid) => Words.Zip(Words, (hi, lo) => (object?)new Guid((uint)hi, (ushort)(lo >> 16), (ushort)lo, 0x70, 0, 0, 0, 0, 0, 0, (byte)hi)),
        _ when type.IsEnum => EnumValue(type),
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => List(type.GetGenericArguments()[0], nullability.GenericTypeArguments[0]),
        _ when type.IsClass => Construct(type),
        _ => throw new NotSupportedException($"No generator for {type.Name}; add one so the new field is round-tripped."),
    };

    /// <summary>32 random bits.</summary>
    private static Gen<ulong> Words { get; } =
        Gen.Choose(0, 0xFFFF).Zip(Gen.Choose(0, 0xFFFF), (hi, lo) => ((ulong)hi << 16) | (uint)lo);

    /// <summary>A defined value, or any combination of the bits of a [Flags] enum.</summary>
    private static Gen<object?> EnumValue(Type type)
    {
        var values = Enum.GetValues(type).Cast<object>().ToArray();
        if (type.IsDefined(typeof(FlagsAttribute)))
        {
            var all = values.Aggregate(0, (bits, value) => bits | Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            return Gen.Choose(0, all).Select(bits => (object?)Enum.ToObject(type, bits & all));
        }

        return Gen.Elements(values).Select(value => (object?)value);
    }

    private static Gen<object?> List(Type element, NullabilityInfo elementNullability) =>
        Gen.ListOf(Value(element, elementNullability)).Select(items =>
        {
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return (object?)array;
        });

    private static Gen<object?> OrNull(Gen<object?> value) => Gen.Frequency((1, Gen.Constant<object?>(null)), (3, value));
}
