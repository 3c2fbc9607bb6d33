namespace PasidLedger.Postgres.History;

/// <summary>One stored event of a pool stream.</summary>
public sealed record HistoryEvent(long Version, string Type, string BodyJson, DateTimeOffset RecordedAt, Guid? CorrelationId, Guid? CausationId);

/// <summary>One stored rejection.</summary>
public sealed record HistoryRejection(long Id, string Reason, int Errno, bool Ignored, string? Detail, string? Caller, string? CommandType, string CommandJson, DateTimeOffset RecordedAt);
