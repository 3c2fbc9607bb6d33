using Npgsql;

namespace PasidLedger.Postgres.Errors;

/// <summary>Maps database failures to a <see cref="StoreErrorKind"/> by SQLSTATE alone.</summary>
public static class StoreErrorClassifier
{
    /// <summary>Classifies a SQLSTATE code; <see langword="null"/> or unknown codes are fatal.</summary>
    public static StoreErrorKind Classify(string? sqlState) => sqlState switch
    {
        SqlStates.UniqueViolation or SqlStates.StreamVersionMismatch or SqlStates.MartenStreamVersionMismatch => StoreErrorKind.ConcurrencyConflict,
        SqlStates.SerializationFailure or SqlStates.DeadlockDetected => StoreErrorKind.Retryable,
        SqlStates.AdminShutdown => StoreErrorKind.ConnectionLost,
        { Length: 5 } when sqlState.StartsWith(SqlStates.ConnectionExceptionClass, StringComparison.Ordinal)
            => StoreErrorKind.ConnectionLost,
        { Length: 5 } when sqlState.StartsWith(SqlStates.DataExceptionClass, StringComparison.Ordinal) => StoreErrorKind.DataRefused,
        _ => StoreErrorKind.Fatal,
    };

    /// <summary>
    /// Classifies an exception: a <see cref="PostgresException"/> by its SQLSTATE; an
    /// <see cref="NpgsqlException"/> without one (the socket broke, no server reply) as a
    /// lost connection; anything else as fatal.
    /// </summary>
    public static StoreErrorKind Classify(Exception exception) => exception switch
    {
        PostgresException postgres => Classify(postgres.SqlState),
        NpgsqlException => StoreErrorKind.ConnectionLost,
        _ => StoreErrorKind.Fatal,
    };
}
