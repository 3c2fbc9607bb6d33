using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// Reads a pool stream from Marten's <c>mt_events</c> in version order, in pages on its
/// <c>(stream_id, version)</c> key, with only the columns a fold needs (<c>type</c> holds the persisted
/// name): the one reader of the writer's catch-up and of rebuild/verify. Plain SQL rather than
/// Marten's stream fetch, which builds an <c>IEvent</c> with every metadata column per event: rebuild
/// must fold at least 100,000 events/s (docs/benchmarks.md).
/// </summary>
internal static class PoolStreamReader
{
    private const int PageSize = 100_000;

    private const string PageQuery = """
        select version, type, data from mt_events
        where stream_id = @stream_id and version > @after and version <= @up_to
        order by version
        limit @limit
        """;

    /// <summary>Events after <paramref name="afterVersion"/> up to <paramref name="upTo"/>, deserialized.</summary>
    public static async IAsyncEnumerable<(long Version, PoolEvent Event)> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx,
        string pool, long afterVersion, long upTo, [EnumeratorCancellation] CancellationToken ct)
    {
        var read = PageSize;
        while (read == PageSize)
        {
            read = 0;
            await using var command = new NpgsqlCommand(PageQuery, conn, tx);
            command.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
            command.Parameters.AddWithValue("after", afterVersion);
            command.Parameters.AddWithValue("up_to", upTo);
            command.Parameters.AddWithValue("limit", PageSize);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                read++;
                afterVersion = reader.GetInt64(0);
                yield return (afterVersion, EventSerializer.Deserialize(reader.GetString(1), reader.GetString(2)));
            }
        }
    }
}
