namespace PasidLedger.Postgres.Pools;

/// <summary>Rejections of one group commit in one statement.</summary>
internal static class RejectionSql
{
    public const string Insert = """
        insert into rejections (pool, reason, errno, ignored, detail, caller, command_type, command, correlation_id, recorded_at,
                                version, ioasid, generation, set_id)
        select @pool, r.reason, r.errno, r.ignored, r.detail, r.caller, r.type, r.command::jsonb, r.correlation, r.at,
               r.version, r.ioasid, r.generation, r.set_id
        from unnest(@reasons::text[], @errnos::int[], @ignored::boolean[], @details::text[], @callers::text[],
                    @types::text[], @commands::text[], @correlations::uuid[], @times::timestamptz[],
                    @versions::bigint[], @ioasids::bigint[], @generations::int[], @set_ids::int[])
             as r(reason, errno, ignored, detail, caller, type, command, correlation, at, version, ioasid, generation, set_id)
        """;
}
