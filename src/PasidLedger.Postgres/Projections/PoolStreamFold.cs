using Npgsql;
using PasidLedger.Domain;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Projections;

/// <summary>
/// Folds a pool stream from version 1 into a fresh <see cref="PoolState"/>, inside the caller's
/// transaction, through <see cref="PoolStreamReader"/>, checking that versions are contiguous.
/// </summary>
internal static class PoolStreamFold
{
    /// <summary>How often progress is reported, in events.</summary>
    private const int ReportEvery = 10_000;

    /// <summary>Folds versions 1…<paramref name="upTo"/>; <paramref name="folded"/> receives the version reached now and then.</summary>
    public static async Task<PoolState> FoldAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string pool, long upTo, Action<long>? folded, CancellationToken ct)
    {
        var state = new PoolState();
        await foreach (var (version, @event) in PoolStreamReader.ReadAsync(conn, tx, pool, 0, upTo, ct).ConfigureAwait(false))
        {
            if (version != state.Version + 1)
            {
                throw new InvalidDataException($"Stream {PoolStreams.StreamId(pool)} jumps from version {state.Version} to {version}.");
            }

            Pool.Evolve(state, @event);
            if (version % ReportEvery == 0)
            {
                folded?.Invoke(version);
            }
        }

        if (state.Version != upTo)
        {
            throw new InvalidDataException($"Stream {PoolStreams.StreamId(pool)} ends at version {state.Version}, but its stream row says {upTo}.");
        }

        folded?.Invoke(state.Version);
        return state;
    }
}
