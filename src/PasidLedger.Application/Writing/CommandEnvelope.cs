using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>
/// A command with what travels around it: the idempotency key (HTTP <c>Idempotency-Key</c>,
/// bus <c>MessageId</c>), the caller, correlation and causation, and how to shape the reply.
/// </summary>
/// <param name="Shape">
/// Builds the reply body from the state right after this command was folded, inside the writer
/// (the only place the state may be read). Its result is stored with the idempotency key, so a
/// retry returns the first result, not a fresh one.
/// </param>
public sealed record CommandEnvelope(
    PoolCommand Command,
    string? IdempotencyKey = null,
    string? Caller = null,
    Guid? CorrelationId = null,
    Guid? CausationId = null,
    Func<PoolState, Decision, object?>? Shape = null);
