using System.Diagnostics;
using Npgsql;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Projections;

/// <summary>
/// <c>pasidledger projections rebuild</c>: recreates the inline read models of a pool from its
/// events alone (ARCHITECTURE.md 4). Each pool is rebuilt in one transaction that holds the pool's
/// lock (<see cref="PoolStreams.LockSql"/>), as its writers do: fold the whole stream into a fresh state, delete the pool's rows, write every
/// row of the folded state, commit. The pool's writers wait meanwhile, so no reader ever sees a
/// half-built pool and no group commit lands between the fold and the write.
/// </summary>
public sealed class ProjectionRebuilder(NpgsqlDataSource dataSource)
{
    /// <summary>Rows per <see cref="ReadModelWriter.ApplyAsync"/> call: big enough for few round trips, small enough for modest parameter arrays.</summary>
    private const int RowsPerWrite = 20_000;

    /// <summary>
    /// Rebuilds <paramref name="pool"/>, or every pool that has a stream when it is null.
    /// <paramref name="progress"/> gets (events folded, events in all streams).
    /// </summary>
    public async Task<ProjectionRebuildSummary> RebuildAsync(
        string? pool, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        List<(string Pool, long Version)> streams;
        await using (var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false))
        {
            streams = await PoolStreamCatalog.StreamsAsync(conn, null, pool, ct).ConfigureAwait(false);
        }

        if (pool is not null && streams.Count == 0)
        {
            throw new InvalidOperationException($"Pool '{pool}' has no event stream, so there is nothing to rebuild it from.");
        }

        long total = streams.Sum(s => s.Version), done = 0, rows = 0;
        foreach (var (name, listed) in streams)
        {
            void Folded(long locked, long folded) => progress?.Report((done + folded, total + locked - listed));
            var (version, written) = await RebuildPoolAsync(name, Folded, ct).ConfigureAwait(false);
            total += version - listed; // the stream may have grown before the lock was granted
            done += version;
            rows += written;
        }

        progress?.Report((done, total));
        return new ProjectionRebuildSummary(streams.Count, done, rows, Stopwatch.GetElapsedTime(started));
    }

    private async Task<(long Version, long Rows)> RebuildPoolAsync(string pool, Action<long, long> folded, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        var version = await PoolStreams.LockAndReadVersionAsync(conn, tx, pool, ct).ConfigureAwait(false);
        var state = await PoolStreamFold.FoldAsync(conn, tx, pool, version, v => folded(version, v), ct).ConfigureAwait(false);
        await ReadModelWriter.ClearAsync(conn, tx, pool, ct).ConfigureAwait(false);
        var rows = state.IsCreated ? await WriteAsync(conn, tx, state, ct).ConfigureAwait(false) : 0;
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (version, rows);
    }

    private static async Task<long> WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, PoolState state, CancellationToken ct)
    {
        var all = ReadModelProjector.All(state);
        var largest = Math.Max(all.Ioasids.Count, Math.Max(all.Sets.Count, all.Notifiers.Count));
        var writes = Math.Max(1, (largest + RowsPerWrite - 1) / RowsPerWrite); // one write even for an empty pool: its capacity row
        for (var i = 0; i < writes; i++)
        {
            var chunk = new ReadModelChanges(all.Capacity, Slice(all.Ioasids, i), [], Slice(all.Sets, i), Slice(all.Notifiers, i), []);
            await ReadModelWriter.ApplyAsync(conn, tx, chunk, ct).ConfigureAwait(false);
        }

        return 1 + all.Ioasids.Count + all.Ioasids.Count(r => r.Spid is not null) + all.Sets.Count + all.Notifiers.Count;
    }

    private static T[] Slice<T>(IReadOnlyList<T> rows, int chunk) => [.. rows.Skip(chunk * RowsPerWrite).Take(RowsPerWrite)];
}
