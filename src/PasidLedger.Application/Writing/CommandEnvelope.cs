using PasidLedger.Domain.Access;
using PasidLedger.Domain.Commands;

namespace PasidLedger.Application.Writing;

/// <summary>
/// A command with what travels around it: the idempotency key (HTTP <c>Idempotency-Key</c>,
/// bus <c>MessageId</c>), the caller, correlation and causation, and whom the writer checks it for.
/// </summary>
/// <param name="Access">
/// The authenticated principal the writer checks the command against (<see cref="CommandAccess"/>)
/// before anything else; null only for in-process callers that are the service itself (the demo, benchmarks).
/// </param>
public sealed record CommandEnvelope(
    PoolCommand Command,
    string? IdempotencyKey = null,
    string? Caller = null,
    Guid? CorrelationId = null,
    Guid? CausationId = null,
    Principal? Access = null);
