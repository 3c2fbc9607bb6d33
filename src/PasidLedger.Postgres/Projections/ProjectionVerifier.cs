using System.Data;
using Npgsql;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Projections;

/// <summary>
/// <c>pasidledger projections verify</c>: folds each pool's events afresh and compares the result
/// with the live read-model tables row by row (capacity, set, refcount with holders, SPID index,
/// notifier). Takes no lock: one read-only REPEATABLE READ transaction sees every stream and every
/// table at the same instant, and group commits write events and views together, so a consistent
/// ledger shows no difference even while writers run.
/// </summary>
public sealed class ProjectionVerifier(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Verifies <paramref name="pool"/>, or every pool with a stream or with read-model rows when it
    /// is null. <paramref name="progress"/> gets (events folded, events in the compared streams).
    /// </summary>
    public async Task<ProjectionVerification> VerifyAsync(string? pool, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", conn, tx))
        {
            await readOnly.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var streams = (await PoolStreamCatalog.StreamsAsync(conn, tx, pool, ct).ConfigureAwait(false)).ToDictionary(s => s.Pool, s => s.Version);
        var projected = await PoolStreamCatalog.ProjectedPoolsAsync(conn, tx, ct).ConfigureAwait(false);
        if (pool is not null && !streams.ContainsKey(pool) && !projected.Contains(pool))
        {
            throw new InvalidOperationException($"Pool '{pool}' is unknown: it has neither an event stream nor read-model rows.");
        }

        var pools = streams.Keys.Union(pool is null ? projected : []).Order(StringComparer.Ordinal).ToList();
        long total = streams.Values.Sum(), done = 0;
        var differences = new List<string>();
        foreach (var name in pools)
        {
            var version = streams.GetValueOrDefault(name);
            var state = version == 0 ? new PoolState()
                : await PoolStreamFold.FoldAsync(conn, tx, name, version, v => progress?.Report((done + v, total)), ct).ConfigureAwait(false);
            done += version;
            differences.AddRange(await CompareAsync(conn, tx, name, state, ct).ConfigureAwait(false));
        }

        progress?.Report((done, total));
        return new ProjectionVerification(pools.Count, done, differences);
    }

    private static async Task<IReadOnlyList<string>> CompareAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string pool, PoolState state, CancellationToken ct)
    {
        var folded = state.IsCreated ? ReadModelProjector.All(state) : null;
        var diff = new ReadModelDiff(pool);
        var capacity = await ReadModelQueries.CapacityAsync(conn, tx, pool, ct).ConfigureAwait(false);
        CapacityView[] liveCapacity = capacity is null ? [] : [capacity];
        CapacityView[] foldedCapacity = folded is null ? [] : [folded.Capacity];
        diff.Compare("capacity_view", liveCapacity, foldedCapacity, c => c.Pool, _ => string.Empty, ViewFields.Of);

        diff.Compare("set_view", await ReadModelQueries.SetsAsync(conn, tx, pool, ct).ConfigureAwait(false),
            folded?.Sets ?? [], s => s.SetId, k => $" set {k}", ViewFields.Of);

        var foldedIoasids = folded?.Ioasids ?? [];
        diff.Compare("refcount_view", await ReadModelQueries.IoasidsAsync(conn, tx, pool, ct).ConfigureAwait(false),
            foldedIoasids, r => r.Id, k => $" id {k}", ViewFields.Of);

        var foldedSpids = foldedIoasids.Where(r => r.Spid is not null).Select(r => (r.SetId, Spid: (long)r.Spid!.Value, Id: (long)r.Id));
        diff.Compare("spid_index", await ReadModelQueries.SpidIndexAsync(conn, tx, pool, ct).ConfigureAwait(false),
            foldedSpids, e => (e.SetId, e.Spid), k => $" set {k.SetId} spid {k.Spid}", e => [("id", ViewFields.Text(e.Id))]);

        diff.Compare("notifier_view", await ReadModelQueries.NotifiersAsync(conn, tx, pool, ct).ConfigureAwait(false),
            folded?.Notifiers ?? [], n => n.NotifierId, k => $" notifier {k}", ViewFields.Of);
        return diff.Differences;
    }
}
