namespace PasidLedger.Postgres.Errors;

/// <summary>
/// The PostgreSQL error codes (SQLSTATE, appendix A of the PostgreSQL manual) the store
/// acts on. Errors are told apart by these codes only, never by message text.
/// </summary>
public static class SqlStates
{
    /// <summary>unique_violation: a second writer of the same stream version, or a duplicate key.</summary>
    public const string UniqueViolation = "23505";

    /// <summary>serialization_failure: the transaction may succeed when retried.</summary>
    public const string SerializationFailure = "40001";

    /// <summary>deadlock_detected: the transaction may succeed when retried.</summary>
    public const string DeadlockDetected = "40P01";

    /// <summary>Class 08, connection exception: every code starting with these two characters.</summary>
    public const string ConnectionExceptionClass = "08";

    /// <summary>
    /// Raised by <c>expect_stream_version</c> (migration 0009): the stream was not at the version a group
    /// commit without events was decided against. Class LD is not used by PostgreSQL.
    /// </summary>
    public const string StreamVersionMismatch = "LD001";

    /// <summary>Raised by Marten's <c>mt_quick_append_events</c> (migration 0008): the stream was not at the append's expected version.</summary>
    public const string MartenStreamVersionMismatch = "MT003";

    /// <summary>Class 22, data exception: a value the server cannot take (bad text, JSON, range).</summary>
    public const string DataExceptionClass = "22";

    /// <summary>admin_shutdown: the server (or <c>pg_terminate_backend</c>) ended the session.</summary>
    public const string AdminShutdown = "57P01";
}
