namespace PasidLedger.Postgres.Errors;

/// <summary>What a caller should do about a failed database call.</summary>
public enum StoreErrorKind
{
    /// <summary>Not a database error the store knows how to handle: let it surface.</summary>
    Fatal,

    /// <summary>Another writer got there first (unique violation, stream version mismatch): reload and decide again.</summary>
    ConcurrencyConflict,

    /// <summary>Serialization failure or deadlock: run the whole transaction again.</summary>
    Retryable,

    /// <summary>The session is gone: open a new connection, then run the transaction again.</summary>
    ConnectionLost,

    /// <summary>
    /// The server refused a value (class 22, data exception: text it cannot store, JSON it cannot
    /// parse, a number out of range): the same writes fail again however often they are retried.
    /// Other integrity violations than uniqueness stay <see cref="Fatal"/>: they mean a ledger bug.
    /// </summary>
    DataRefused,
}
