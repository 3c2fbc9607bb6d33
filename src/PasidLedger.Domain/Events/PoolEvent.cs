namespace PasidLedger.Domain.Events;

/// <summary>
/// A fact in a pool's stream. The hierarchy is closed: every concrete event has a persisted
/// name in <see cref="EventNames"/> and an arm in <see cref="Pool.Evolve"/>.
/// </summary>
public abstract record PoolEvent;
