using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Events;

/// <summary>Work appended to the pool's ordered queue (V4 13/18); <paramref name="Id"/> and <paramref name="Cause"/> name the notification that caused it, if any.</summary>
public sealed record WorkQueued(string WorkId, string By, uint? Id, NotificationKind? Cause) : PoolEvent;

/// <summary>The head of the queue finished; the next item may run.</summary>
public sealed record WorkCompleted(string WorkId) : PoolEvent;
