using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten.Events.Aggregation;
using PasidLedger.Domain;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Store.Naive;

/// <summary>
/// The pool as a Marten document, the way a Marten user keeps an aggregate: its state by stream key,
/// stored as the domain's snapshot. The state is restored once per load and folded in place, and the
/// snapshot is taken when Marten serializes the document, not once per event.
/// </summary>
public sealed class NaivePool
{
    private PoolSnapshot? stored;
    private PoolState? state;

    public string Id { get; set; } = string.Empty;

    public PoolSnapshot? Snapshot
    {
        get => state is null ? stored : PoolSnapshots.Take(state);
        set => (stored, state) = (value, null);
    }

    /// <summary>The live state: restored from the stored snapshot on first use.</summary>
    [JsonIgnore]
    public PoolState State => state ??= stored is null ? new PoolState() : PoolSnapshots.Restore(stored);
}

/// <summary>Marten's inline single-stream projection of <see cref="NaivePool"/>, folding each event with the domain's <c>Evolve</c>.</summary>
public partial class NaivePoolProjection : SingleStreamProjection<NaivePool, string>
{
    public override NaivePool Evolve(NaivePool? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var pool = snapshot ?? new NaivePool { Id = id };
        Pool.Evolve(pool.State, (PoolEvent)e.Data);
        return pool;
    }
}
