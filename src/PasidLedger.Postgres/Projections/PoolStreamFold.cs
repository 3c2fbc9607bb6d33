using System.Data;
using Npgsql;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Projections;

/// <summary>
/// Folds a pool stream from version 1 into a fresh <see cref="PoolState"/>, inside the caller's
/// transaction. Pages by version on the <c>(stream_id, version)</c> index and streams each page's
/// rows straight into <see cref="Pool.Evolve"/>: no <c>StoredEvent</c> per row, only the three
/// columns a fold needs.
/// </summary>
internal static class PoolStreamFold
{
    private const int PageSize = 100_000;

    /// <summary>How often progress is reported, in events.</summary>
    private const int ReportEvery = 10_000;

    private const string PageQuery = """
        select version, type, body from events
        where stream_id = @stream_id and version > @after and version <= @up_to
        order by version
        limit @limit
        """;

    /// <summary>Folds versions 1…<paramref name="upTo"/>; <paramref name="folded"/> receives the version reached now and then.</summary>
    public static async Task<PoolState> FoldAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string pool, long upTo, Action<long>? folded, CancellationToken ct)
    {
        var state = new PoolState();
        while (state.Version < upTo)
        {
            var before = state.Version;
            await using (var command = new NpgsqlCommand(PageQuery, conn, tx))
            {
                command.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
                command.Parameters.AddWithValue("after", before);
                command.Parameters.AddWithValue("up_to", upTo);
                command.Parameters.AddWithValue("limit", PageSize);
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var version = reader.GetInt64(0);
                    if (version != state.Version + 1)
                    {
                        throw new InvalidDataException($"Stream {PoolStreams.StreamId(pool)} jumps from version {state.Version} to {version}.");
                    }

                    Pool.Evolve(state, EventSerializer.Deserialize(reader.GetString(1), reader.GetString(2)));
                    if (version % ReportEvery == 0)
                    {
                        folded?.Invoke(version);
                    }
                }
            }

            if (state.Version == before)
            {
                throw new InvalidDataException(
                    $"Stream {PoolStreams.StreamId(pool)} ends at version {before}, but its stream row says {upTo}.");
            }
        }

        folded?.Invoke(state.Version);
        return state;
    }
}
