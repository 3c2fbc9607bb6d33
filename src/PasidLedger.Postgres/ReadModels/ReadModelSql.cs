namespace PasidLedger.Postgres.ReadModels;

/// <summary>The read-model statements; arrays are unnested so one statement writes many rows.</summary>
internal static class ReadModelSql
{
    public const string UpsertCapacity = """
        insert into capacity_view (pool, capacity, available, capacity_installed, version)
        values (@pool, @capacity, @available, @installed, @version)
        on conflict (pool) do update set capacity = excluded.capacity, available = excluded.available,
            capacity_installed = excluded.capacity_installed, version = excluded.version
        """;

    public const string DeleteIoasids = "delete from refcount_view where pool = @pool and id = any(@ids)";

    public const string DeleteSpids = "delete from spid_index where pool = @pool and id = any(@ids)";

    public const string UpsertIoasids = """
        insert into refcount_view (pool, id, generation, set_id, state, refs, holders, spid, private)
        select @pool, r.id, r.generation, r.set_id, r.state, r.refs, r.holders::jsonb, r.spid, r.private
        from unnest(@ids::bigint[], @generations::int[], @set_ids::int[], @states::text[], @refs::int[],
                    @holders::text[], @spids::bigint[], @privates::text[])
             as r(id, generation, set_id, state, refs, holders, spid, private)
        on conflict (pool, id) do update set generation = excluded.generation, set_id = excluded.set_id,
            state = excluded.state, refs = excluded.refs, holders = excluded.holders, spid = excluded.spid,
            private = excluded.private
        """;

    public const string InsertSpids = """
        insert into spid_index (pool, set_id, spid, id)
        select @pool, s.set_id, s.spid, s.id from unnest(@set_ids::int[], @spids::bigint[], @ids::bigint[]) as s(set_id, spid, id)
        """;

    public const string UpsertSets = """
        insert into set_view (pool, set_id, type, token, quota, count, state)
        select @pool, s.set_id, s.type, s.token, s.quota, s.count, s.state
        from unnest(@set_ids::int[], @types::text[], @tokens::text[], @quotas::bigint[], @counts::int[], @states::text[])
             as s(set_id, type, token, quota, count, state)
        on conflict (pool, set_id) do update set type = excluded.type, token = excluded.token, quota = excluded.quota,
            count = excluded.count, state = excluded.state
        """;

    public const string DeleteNotifiers = "delete from notifier_view where pool = @pool and notifier_id = any(@ids)";

    public const string UpsertNotifiers = """
        insert into notifier_view (pool, notifier_id, name, scope, set_id, token, priority, priority_rank, endpoint, reactions, active, chain_order)
        select @pool, n.id, n.name, n.scope, n.set_id, n.token, n.priority, n.rank, n.endpoint, n.reactions::jsonb, n.active, n.chain_order
        from unnest(@ids::int[], @names::text[], @scopes::text[], @set_ids::int[], @tokens::text[], @priorities::text[],
                    @ranks::int[], @endpoints::text[], @reactions::text[], @actives::boolean[], @orders::bigint[])
             as n(id, name, scope, set_id, token, priority, rank, endpoint, reactions, active, chain_order)
        on conflict (pool, notifier_id) do update set name = excluded.name, scope = excluded.scope, set_id = excluded.set_id,
            token = excluded.token, priority = excluded.priority, priority_rank = excluded.priority_rank,
            endpoint = excluded.endpoint, reactions = excluded.reactions, active = excluded.active, chain_order = excluded.chain_order
        """;

    public const string ClearPool = """
        delete from capacity_view where pool = @pool;
        delete from set_view where pool = @pool;
        delete from refcount_view where pool = @pool;
        delete from spid_index where pool = @pool;
        delete from notifier_view where pool = @pool;
        """;
}
