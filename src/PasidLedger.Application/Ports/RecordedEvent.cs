using PasidLedger.Domain.Events;

namespace PasidLedger.Application.Ports;

/// <summary>An event about to be appended, with its stream version and envelope metadata.</summary>
public sealed record RecordedEvent(
    Guid EventId,
    long Version,
    PoolEvent Event,
    DateTimeOffset RecordedAt,
    Guid CorrelationId,
    Guid? CausationId);
