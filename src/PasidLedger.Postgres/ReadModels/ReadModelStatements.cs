using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;

namespace PasidLedger.Postgres.ReadModels;

/// <summary>
/// The statements of <see cref="ReadModelWriter"/> with their parameters: each row field becomes
/// one typed array, filled in one pass over the rows, for <c>unnest</c> in <see cref="ReadModelSql"/>.
/// </summary>
internal static class ReadModelStatements
{
    public static NpgsqlBatchCommand Capacity(CapacityView view)
    {
        var command = new NpgsqlBatchCommand(ReadModelSql.UpsertCapacity);
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, view.Pool);
        command.Parameters.AddTyped("capacity", NpgsqlDbType.Bigint, view.Capacity);
        command.Parameters.AddTyped("available", NpgsqlDbType.Bigint, view.Available);
        command.Parameters.AddTyped("installed", NpgsqlDbType.Boolean, view.CapacityInstalled);
        command.Parameters.AddTyped("version", NpgsqlDbType.Bigint, view.Version);
        return command;
    }

    /// <summary>A delete of the pool's rows with these ids (of PostgreSQL type <paramref name="idType"/>).</summary>
    public static NpgsqlBatchCommand ByIds<T>(string sql, string pool, NpgsqlDbType idType, T[] ids)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        command.Parameters.AddTyped("ids", TypedParameters.ArrayOf(idType), ids);
        return command;
    }

    public static NpgsqlBatchCommand Ioasids(string pool, IReadOnlyList<RefcountView> rows)
    {
        var count = rows.Count;
        var (ids, generations, setIds, states) = (new long[count], new int[count], new int[count], new string[count]);
        var (refs, holders, spids, privates) = (new int[count], new string[count], new long?[count], new string?[count]);
        for (var i = 0; i < count; i++)
        {
            var r = rows[i];
            (ids[i], generations[i], setIds[i], states[i]) = (r.Id, r.Generation, r.SetId, r.State);
            (refs[i], holders[i], spids[i], privates[i]) = (r.Refs, HolderList.Serialize(r.Holders), r.Spid, r.Private);
        }

        var command = new NpgsqlBatchCommand(ReadModelSql.UpsertIoasids);
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        command.Parameters.AddTyped("ids", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), ids);
        command.Parameters.AddTyped("generations", TypedParameters.ArrayOf(NpgsqlDbType.Integer), generations);
        command.Parameters.AddTyped("set_ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), setIds);
        command.Parameters.AddTyped("states", TypedParameters.ArrayOf(NpgsqlDbType.Text), states);
        command.Parameters.AddTyped("refs", TypedParameters.ArrayOf(NpgsqlDbType.Integer), refs);
        command.Parameters.AddTyped("holders", TypedParameters.ArrayOf(NpgsqlDbType.Text), holders);
        command.Parameters.AddTyped("spids", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), spids);
        command.Parameters.AddTyped("privates", TypedParameters.ArrayOf(NpgsqlDbType.Text), privates);
        return command;
    }

    /// <summary>The SPID index rows of the IOASIDs bound to a SPID, or null when none is.</summary>
    public static NpgsqlBatchCommand? Spids(string pool, IReadOnlyList<RefcountView> rows)
    {
        var bound = rows.Count(r => r.Spid is not null);
        if (bound == 0)
        {
            return null;
        }

        var (setIds, spids, ids) = (new int[bound], new long[bound], new long[bound]);
        var n = 0;
        foreach (var r in rows)
        {
            if (r.Spid is { } spid)
            {
                (setIds[n], spids[n], ids[n]) = (r.SetId, spid, r.Id);
                n++;
            }
        }

        var command = new NpgsqlBatchCommand(ReadModelSql.InsertSpids);
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        command.Parameters.AddTyped("set_ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), setIds);
        command.Parameters.AddTyped("spids", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), spids);
        command.Parameters.AddTyped("ids", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), ids);
        return command;
    }

    public static NpgsqlBatchCommand Sets(string pool, IReadOnlyList<SetView> rows)
    {
        var count = rows.Count;
        var (setIds, types, tokens) = (new int[count], new string[count], new string?[count]);
        var (quotas, counts, states) = (new long[count], new int[count], new string[count]);
        for (var i = 0; i < count; i++)
        {
            var r = rows[i];
            (setIds[i], types[i], tokens[i], quotas[i], counts[i], states[i]) = (r.SetId, r.Type, r.Token, r.Quota, r.Count, r.State);
        }

        var command = new NpgsqlBatchCommand(ReadModelSql.UpsertSets);
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        command.Parameters.AddTyped("set_ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), setIds);
        command.Parameters.AddTyped("types", TypedParameters.ArrayOf(NpgsqlDbType.Text), types);
        command.Parameters.AddTyped("tokens", TypedParameters.ArrayOf(NpgsqlDbType.Text), tokens);
        command.Parameters.AddTyped("quotas", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), quotas);
        command.Parameters.AddTyped("counts", TypedParameters.ArrayOf(NpgsqlDbType.Integer), counts);
        command.Parameters.AddTyped("states", TypedParameters.ArrayOf(NpgsqlDbType.Text), states);
        return command;
    }

    public static NpgsqlBatchCommand Notifiers(string pool, IReadOnlyList<NotifierView> rows)
    {
        var count = rows.Count;
        var (ids, names, scopes, setIds) = (new int[count], new string[count], new string[count], new int?[count]);
        var (tokens, priorities, ranks, endpoints) = (new string?[count], new string[count], new int[count], new string?[count]);
        var (reactions, actives, orders) = (new string[count], new bool[count], new long[count]);
        for (var i = 0; i < count; i++)
        {
            var r = rows[i];
            (ids[i], names[i], scopes[i], setIds[i]) = (r.NotifierId, r.Name, r.Scope, r.SetId);
            (tokens[i], priorities[i], ranks[i], endpoints[i]) = (r.Token, r.Priority, ReadModelWriter.PriorityRank(r.Priority), r.Endpoint);
            (reactions[i], actives[i], orders[i]) = (r.ReactionsJson, r.Active, r.ChainOrder);
        }

        var command = new NpgsqlBatchCommand(ReadModelSql.UpsertNotifiers);
        command.Parameters.AddTyped("pool", NpgsqlDbType.Text, pool);
        command.Parameters.AddTyped("ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), ids);
        command.Parameters.AddTyped("names", TypedParameters.ArrayOf(NpgsqlDbType.Text), names);
        command.Parameters.AddTyped("scopes", TypedParameters.ArrayOf(NpgsqlDbType.Text), scopes);
        command.Parameters.AddTyped("set_ids", TypedParameters.ArrayOf(NpgsqlDbType.Integer), setIds);
        command.Parameters.AddTyped("tokens", TypedParameters.ArrayOf(NpgsqlDbType.Text), tokens);
        command.Parameters.AddTyped("priorities", TypedParameters.ArrayOf(NpgsqlDbType.Text), priorities);
        command.Parameters.AddTyped("ranks", TypedParameters.ArrayOf(NpgsqlDbType.Integer), ranks);
        command.Parameters.AddTyped("endpoints", TypedParameters.ArrayOf(NpgsqlDbType.Text), endpoints);
        command.Parameters.AddTyped("reactions", TypedParameters.ArrayOf(NpgsqlDbType.Text), reactions);
        command.Parameters.AddTyped("actives", TypedParameters.ArrayOf(NpgsqlDbType.Boolean), actives);
        command.Parameters.AddTyped("orders", TypedParameters.ArrayOf(NpgsqlDbType.Bigint), orders);
        return command;
    }
}
