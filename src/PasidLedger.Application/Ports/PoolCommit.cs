using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Ports;

/// <summary>
/// Everything one group commit writes (ARCHITECTURE.md 2), handed to the store in one call: the
/// events appended at <paramref name="ExpectedVersion"/>, the read-model rows they changed, the
/// idempotency keys with their results, the rejections and, every N events, a snapshot. The store
/// keeps all of it in one transaction, or none of it.
/// </summary>
/// <param name="ExpectedVersion">The stream version the batch was decided against.</param>
/// <param name="Views">The read-model rows to write; null when no event was appended.</param>
/// <param name="Snapshot">The pool state after the batch, when it crossed a snapshot interval.</param>
public sealed record PoolCommit(
    long ExpectedVersion,
    IReadOnlyList<RecordedEvent> Events,
    ReadModelChanges? Views,
    IReadOnlyList<(string Key, string ResultJson)> Results,
    IReadOnlyList<RejectionRecord> Rejections,
    PoolSnapshot? Snapshot);
