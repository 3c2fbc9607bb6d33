using Npgsql;
using NpgsqlTypes;

namespace PasidLedger.Postgres;

/// <summary>
/// Parameters of the writer's hot statements as <see cref="NpgsqlParameter{T}"/> with their
/// PostgreSQL type given: Npgsql then binds the typed value (arrays too) without boxing it or
/// finding its type from the value's CLR type on every execution, as <c>AddWithValue</c> makes it.
/// </summary>
internal static class TypedParameters
{
    public static void AddTyped<T>(this NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, T value) =>
        parameters.Add(new NpgsqlParameter<T>(name, type) { TypedValue = value });

    /// <summary>The array of <paramref name="element"/>, as <c>unnest</c> takes it.</summary>
    public static NpgsqlDbType ArrayOf(NpgsqlDbType element) => NpgsqlDbType.Array | element;
}
