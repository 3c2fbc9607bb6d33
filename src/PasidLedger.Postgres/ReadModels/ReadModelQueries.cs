using System.Text.Json;
using Npgsql;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;

namespace PasidLedger.Postgres.ReadModels;

/// <summary>Queries over the inline read models; they see every committed group commit.</summary>
public sealed class ReadModelQueries(NpgsqlDataSource dataSource)
{
    public async Task<CapacityView?> CapacityAsync(string pool, CancellationToken ct)
    {
        var rows = await QueryAsync("select pool, capacity, available, capacity_installed, version from capacity_view where pool = @pool",
            r => new CapacityView(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetBoolean(3), r.GetInt64(4)), ct, ("pool", pool)).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    public Task<List<SetView>> SetsAsync(string pool, int? setId, string? token, CancellationToken ct) => QueryAsync(
        "select pool, set_id, type, token, quota, count, state from set_view where pool = @pool"
        + (setId is null ? string.Empty : " and set_id = @set_id")
        + (token is null ? string.Empty : " and token = @token and state <> 'destroyed'") + " order by set_id",
        r => new SetView(r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4), r.GetInt32(5), r.GetString(6)),
        ct, ("pool", pool), ("set_id", setId), ("token", token));

    public Task<List<RefcountView>> IoasidsAsync(string pool, long? id, int? setId, CancellationToken ct) => QueryAsync(
        "select pool, id, generation, set_id, state, refs, holders::text, spid, private from refcount_view where pool = @pool"
        + (id is null ? string.Empty : " and id = @id")
        + (setId is null ? string.Empty : " and set_id = @set_id") + " order by id",
        Refcount,
        ct, ("pool", pool), ("id", id), ("set_id", setId));

    public async Task<long?> SpidAsync(string pool, int setId, long spid, CancellationToken ct)
    {
        var rows = await QueryAsync("select id from spid_index where pool = @pool and set_id = @set_id and spid = @spid",
            r => r.GetInt64(0), ct, ("pool", pool), ("set_id", setId), ("spid", spid)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Registrations; chains in delivery order (global first, then per set, priority high to low, then insertion).</summary>
    public Task<List<NotifierView>> NotifiersAsync(string pool, CancellationToken ct) => QueryAsync(
        """
        select pool, notifier_id, name, scope, set_id, token, priority, endpoint, reactions::text, active, chain_order
        from notifier_view where pool = @pool
        order by (scope <> 'global'), active desc, set_id nulls first, priority_rank desc, chain_order, notifier_id
        """,
        r => new NotifierView(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.GetBoolean(9), r.GetInt64(10)),
        ct, ("pool", pool));

    private Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        SqlQuery.ListAsync(dataSource, sql, read, ct, parameters);

    // The overloads below read every row of one pool on the caller's connection and transaction,
    // so `projections verify` sees all views and the stream in one REPEATABLE READ snapshot.

    /// <summary>The capacity row of a pool, read inside <paramref name="tx"/>.</summary>
    public static async Task<CapacityView?> CapacityAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        var rows = await QueryAsync(conn, tx, "select pool, capacity, available, capacity_installed, version from capacity_view where pool = @pool",
            r => new CapacityView(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetBoolean(3), r.GetInt64(4)), pool, ct).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    /// <summary>Every set row of a pool, read inside <paramref name="tx"/>.</summary>
    public static Task<List<SetView>> SetsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct) => QueryAsync(
        conn, tx, "select pool, set_id, type, token, quota, count, state from set_view where pool = @pool order by set_id",
        r => new SetView(r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4), r.GetInt32(5), r.GetString(6)),
        pool, ct);

    /// <summary>Every refcount row of a pool, holders included, read inside <paramref name="tx"/>.</summary>
    public static Task<List<RefcountView>> IoasidsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct) => QueryAsync(
        conn, tx, "select pool, id, generation, set_id, state, refs, holders::text, spid, private from refcount_view where pool = @pool order by id",
        Refcount,
        pool, ct);

    /// <summary>Every SPID index entry of a pool as (set, spid, host id), read inside <paramref name="tx"/>.</summary>
    public static Task<List<(int SetId, long Spid, long Id)>> SpidIndexAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct) =>
        QueryAsync(conn, tx, "select set_id, spid, id from spid_index where pool = @pool order by set_id, spid",
            r => (r.GetInt32(0), r.GetInt64(1), r.GetInt64(2)), pool, ct);

    /// <summary>Every notifier row of a pool, read inside <paramref name="tx"/>.</summary>
    public static Task<List<NotifierView>> NotifiersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct) => QueryAsync(
        conn, tx, """
        select pool, notifier_id, name, scope, set_id, token, priority, endpoint, reactions::text, active, chain_order
        from notifier_view where pool = @pool order by notifier_id
        """,
        r => new NotifierView(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.GetBoolean(9), r.GetInt64(10)),
        pool, ct);

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, Func<NpgsqlDataReader, T> read,
        string pool, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn, tx);
        command.Parameters.AddWithValue("pool", pool);
        return await SqlQuery.ListAsync(command, read, ct).ConfigureAwait(false);
    }

    /// <summary>A <c>refcount_view</c> row (pool, id, generation, set_id, state, refs, holders, spid, private).</summary>
    private static RefcountView Refcount(NpgsqlDataReader r) => new(r.GetString(0), (uint)r.GetInt64(1), r.GetInt32(2), r.GetInt32(3),
        r.GetString(4), r.GetInt32(5), HolderList.Deserialize(r.GetString(6)), r.IsDBNull(7) ? null : (uint)r.GetInt64(7),
        r.IsDBNull(8) ? null : r.GetString(8));
}
