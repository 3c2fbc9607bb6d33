using PasidLedger.Domain.Commands;

namespace PasidLedger.Application.Writing;

/// <summary>
/// A command with what travels around it: the idempotency key (HTTP <c>Idempotency-Key</c>,
/// bus <c>MessageId</c>), the caller, correlation and causation.
/// </summary>
public sealed record CommandEnvelope(
    PoolCommand Command,
    string? IdempotencyKey = null,
    string? Caller = null,
    Guid? CorrelationId = null,
    Guid? CausationId = null);
