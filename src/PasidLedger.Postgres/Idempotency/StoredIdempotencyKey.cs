namespace PasidLedger.Postgres.Idempotency;

/// <summary>The recorded outcome of a command that carried an idempotency key.</summary>
/// <param name="Pool">The pool the command was for; keys are unique per pool.</param>
/// <param name="Key">The idempotency key (HTTP <c>Idempotency-Key</c> or bus <c>MessageId</c>).</param>
/// <param name="CommandHash">Hash of the command, to tell a retry from a reused key; optional.</param>
/// <param name="ResultJson">The original result, returned again to a retry.</param>
/// <param name="RecordedAt">When the key was stored (database time).</param>
public sealed record StoredIdempotencyKey(
    string Pool, string Key, string? CommandHash, string ResultJson, DateTimeOffset RecordedAt);
