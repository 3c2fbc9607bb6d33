using System.Text.Json;
using Npgsql;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.History;

/// <summary>A pool as it stood right after <paramref name="Version"/>, which was appended at <paramref name="Time"/>.</summary>
public sealed record PoolAsOf(PoolState State, long Version, DateTimeOffset Time);

/// <summary>Why <see cref="PoolTimeTravel.LookUpAsync(string, long, CancellationToken)"/> found no past pool.</summary>
public enum PastMiss
{
    /// <summary>Found: <see cref="PastLookup.Pool"/> is set.</summary>
    None,

    /// <summary>The pool has no stream at all.</summary>
    UnknownPool,

    /// <summary>The time asked for is before the pool's first event.</summary>
    BeforeFirstEvent,

    /// <summary>The version asked for is past the end of the stream (<see cref="PastLookup.StreamVersion"/>).</summary>
    BeyondStream,
}

/// <summary>A pool looked up in the past: the pool as it stood, or why there is none and how far the stream goes.</summary>
public sealed record PastLookup(PoolAsOf? Pool, PastMiss Miss, long StreamVersion);

/// <summary>
/// Time travel (issue 9): a pool's state right after a version, from the nearest snapshot at or before
/// it plus the events up to it, or the last version at or before an instant.
/// </summary>
public sealed class PoolTimeTravel(NpgsqlDataSource dataSource)
{
    private readonly PostgresSnapshotStore snapshots = new(dataSource);

    /// <summary>The pool right after <paramref name="version"/>, or why not: no such pool, or a version past the stream's end.</summary>
    public async Task<PastLookup> LookUpAsync(string pool, long version, CancellationToken ct)
    {
        if (await AtVersionAsync(pool, version, ct).ConfigureAwait(false) is { } found)
        {
            return new PastLookup(found, PastMiss.None, found.Version);
        }

        var last = await new HistoryQueries(dataSource).StreamVersionAsync(pool, ct).ConfigureAwait(false);
        return new PastLookup(null, last > 0 ? PastMiss.BeyondStream : PastMiss.UnknownPool, last);
    }

    /// <summary>The pool right after the last version appended at or before <paramref name="time"/>, or why not.</summary>
    public async Task<PastLookup> LookUpAsync(string pool, DateTimeOffset time, CancellationToken ct)
    {
        var version = await VersionAtAsync(pool, time, ct).ConfigureAwait(false);
        return version > 0 ? await LookUpAsync(pool, version, ct).ConfigureAwait(false) : new PastLookup(null, PastMiss.BeforeFirstEvent, 0);
    }

    /// <summary>The pool right after <paramref name="version"/>; null when its stream has no such version.</summary>
    public async Task<PoolAsOf?> AtVersionAsync(string pool, long version, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("select timestamp from mt_events where stream_id = @stream_id and version = @version", conn);
        command.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
        command.Parameters.AddWithValue("version", version);
        if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not DateTime time)
        {
            return null;
        }

        var stored = await snapshots.LoadAtOrBeforeAsync(PoolStreams.StreamId(pool), version, ct).ConfigureAwait(false);
        var state = stored is null
            ? new PoolState()
            : PoolSnapshots.Restore(JsonSerializer.Deserialize<PoolSnapshot>(stored.BodyJson, LedgerJson.Options)!);
        await foreach (var (_, @event) in PoolStreamReader.ReadAsync(conn, null, pool, state.Version, version, ct).ConfigureAwait(false))
        {
            Pool.Evolve(state, @event);
        }

        return new PoolAsOf(state, version, new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
    }

    /// <summary>
    /// The last version appended at or before <paramref name="time"/>; 0 when the stream started later.
    /// Event times grow with the version (each group commit holds the pool lock and is stamped with its
    /// own transaction's start), so the scan walks back from the newest event and stops at the first match.
    /// </summary>
    public async Task<long> VersionAtAsync(string pool, DateTimeOffset time, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            select coalesce((select version from mt_events where stream_id = @stream_id and timestamp <= @time
                             order by version desc limit 1), 0)
            """, conn);
        command.Parameters.AddWithValue("stream_id", PoolStreams.StreamId(pool));
        command.Parameters.AddWithValue("time", time.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }
}
