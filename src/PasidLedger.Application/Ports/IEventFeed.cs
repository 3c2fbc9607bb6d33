using PasidLedger.Domain.State;

namespace PasidLedger.Application.Ports;

/// <summary>
/// What the relay reads (ARCHITECTURE.md 3): the pools, each pool's events in stream order with the
/// envelope they were appended with, and how far a reader has followed each pool.
/// </summary>
public interface IEventFeed
{
    /// <summary>Every pool that has a stream.</summary>
    Task<IReadOnlyList<string>> PoolsAsync(CancellationToken ct);

    /// <summary>At most <paramref name="max"/> events of <paramref name="pool"/> after <paramref name="afterVersion"/>, in version order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAsync(string pool, long afterVersion, int max, CancellationToken ct);

    /// <summary>The pool as it stood right after <paramref name="version"/> (a new pool for 0), from its nearest snapshot and the events after it.</summary>
    Task<PoolState> StateAtAsync(string pool, long version, CancellationToken ct);

    /// <summary>The last version <paramref name="reader"/> finished in <paramref name="pool"/>; 0 before the first.</summary>
    Task<long> CheckpointAsync(string reader, string pool, CancellationToken ct);

    /// <summary>Records that <paramref name="reader"/> finished <paramref name="pool"/> up to <paramref name="version"/>.</summary>
    Task SaveCheckpointAsync(string reader, string pool, long version, CancellationToken ct);
}

/// <summary>
/// Which pools this service instance relays: one lease per pool across every instance, held while the
/// instance lives and released the moment it dies, so another instance can take the pool over.
/// </summary>
public interface IRelayLeases : IAsyncDisposable
{
    /// <summary>
    /// Takes the lease of <paramref name="pool"/>, or answers false while another instance holds it; true again
    /// when this instance holds it already. Throws <see cref="RelayLeasesLostException"/> when every lease
    /// this instance held is gone (its connection to the store was lost).
    /// </summary>
    Task<bool> TryTakeAsync(string pool, CancellationToken ct);
}

/// <summary>The leases of this instance are gone: stop relaying every pool, then take the leases again.</summary>
public sealed class RelayLeasesLostException(string message, Exception inner) : Exception(message, inner);

/// <summary>Wakes the relay when a pool stream was appended to, so it does not wait for its next poll.</summary>
public interface IAppendSignals : IAsyncDisposable
{
    /// <summary>The name of each pool as it is appended to (repeats possible); <see cref="Everything"/> after a lost signal connection.</summary>
    IAsyncEnumerable<string> AppendedAsync(CancellationToken ct);

    /// <summary>What <see cref="AppendedAsync"/> yields when appends may have been missed: look at every pool.</summary>
    public const string Everything = "*";
}
