namespace PasidLedger.Postgres.Snapshots;

/// <summary>A serialized fold of a stream up to and including <paramref name="Version"/>.</summary>
/// <param name="StreamId">The stream folded.</param>
/// <param name="Version">The last event version included in the fold.</param>
/// <param name="BodyJson">The serialized state.</param>
/// <param name="TakenAt">When the snapshot was saved (database time).</param>
public sealed record StoredSnapshot(string StreamId, long Version, string BodyJson, DateTimeOffset TakenAt);
