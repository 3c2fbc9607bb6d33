using PasidLedger.Domain.Events;

namespace PasidLedger.Application.Ports;

/// <summary>An event about to be appended, with its stream version and the envelope of the command that caused it.</summary>
/// <param name="CommandId">Names the one command execution that decided the event (several events share it).</param>
/// <param name="Caller">Who sent the command; the authentication issue fills it with the principal.</param>
/// <param name="IdempotencyKey">The command's idempotency key, if it had one.</param>
public sealed record RecordedEvent(
    Guid EventId,
    long Version,
    PoolEvent Event,
    DateTimeOffset RecordedAt,
    Guid CorrelationId,
    Guid? CausationId,
    Guid CommandId,
    string? Caller,
    string? IdempotencyKey);
