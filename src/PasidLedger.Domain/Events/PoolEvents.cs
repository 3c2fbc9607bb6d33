using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.Events;

/// <summary>The pool stream's first event: the namespace exists with the default capacity (F0).</summary>
public sealed record PoolCreated(string Pool, PoolOptions Options) : PoolEvent;
