using JasperFx.Events;
using Marten.Events.Aggregation;
using PasidLedger.Domain;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Store.Naive;

/// <summary>The pool as a Marten document, the way a Marten user keeps an aggregate: a snapshot of its state by stream key.</summary>
public sealed class NaivePool
{
    public string Id { get; set; } = string.Empty;

    public PoolSnapshot? Snapshot { get; set; }

    public PoolState Restore() => Snapshot is { } snapshot ? PoolSnapshots.Restore(snapshot) : new PoolState();
}

/// <summary>Marten's inline single-stream projection of <see cref="NaivePool"/>, folding each event with the domain's <c>Evolve</c>.</summary>
public partial class NaivePoolProjection : SingleStreamProjection<NaivePool, string>
{
    public override NaivePool Evolve(NaivePool? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var pool = snapshot ?? new NaivePool { Id = id };
        var state = pool.Restore();
        Pool.Evolve(state, (PoolEvent)e.Data);
        pool.Snapshot = PoolSnapshots.Take(state);
        return pool;
    }
}
