using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;

namespace PasidLedger.Postgres.ReadModels;

/// <summary>
/// Writes read-model rows inside the caller's transaction: one set-based statement per table
/// (<c>unnest</c> of parameter arrays), so a group commit costs a few round trips, not one per row.
/// </summary>
public static class ReadModelWriter
{
    public static async Task ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ReadModelChanges changes, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var command in Commands(changes))
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The statements of <see cref="ApplyAsync"/>, for a caller that sends them in its own batch.</summary>
    public static IReadOnlyList<NpgsqlBatchCommand> Commands(ReadModelChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var commands = new List<NpgsqlBatchCommand>(8) { Capacity(changes.Capacity) };
        var pool = changes.Capacity.Pool;
        var touched = changes.Ioasids.Select(r => (long)r.Id).Concat(changes.RemovedIoasids.Select(id => (long)id)).ToArray();
        // A statement with nothing to do is left out: each one costs the server an execution.
        if (touched.Length > 0)
        {
            commands.Add(Command(ReadModelSql.DeleteSpids, ("pool", pool), ("ids", touched)));
        }

        if (changes.RemovedIoasids.Count > 0)
        {
            commands.Add(Command(ReadModelSql.DeleteIoasids, ("pool", pool), ("ids", changes.RemovedIoasids.Select(id => (long)id).ToArray())));
        }

        var bound = changes.Ioasids.Where(r => r.Spid is not null).ToArray();
        if (changes.Ioasids.Count > 0)
        {
            commands.Add(Ioasids(pool, changes.Ioasids));
        }

        if (bound.Length > 0)
        {
            commands.Add(Command(ReadModelSql.InsertSpids, ("pool", pool),
                ("set_ids", bound.Select(r => r.SetId).ToArray()), ("spids", bound.Select(r => (long)r.Spid!.Value).ToArray()),
                ("ids", bound.Select(r => (long)r.Id).ToArray())));
        }

        if (changes.Sets.Count > 0)
        {
            commands.Add(Sets(pool, changes.Sets));
        }

        if (changes.RemovedNotifiers.Count > 0)
        {
            commands.Add(Command(ReadModelSql.DeleteNotifiers, ("pool", pool), ("ids", changes.RemovedNotifiers.ToArray())));
        }

        if (changes.Notifiers.Count > 0)
        {
            commands.Add(Notifiers(pool, changes.Notifiers));
        }

        return commands;
    }

    /// <summary>Removes every read-model row of a pool (rebuild starts here).</summary>
    public static async Task ClearAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string pool, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ReadModelSql.ClearPool, conn, tx);
        command.Parameters.AddWithValue("pool", pool);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Capacity(CapacityView view) => Command(ReadModelSql.UpsertCapacity,
        ("pool", view.Pool), ("capacity", view.Capacity), ("available", view.Available),
        ("installed", view.CapacityInstalled), ("version", view.Version));

    private static NpgsqlBatchCommand Ioasids(string pool, IReadOnlyList<RefcountView> rows) => Command(ReadModelSql.UpsertIoasids,
        ("pool", pool),
        ("ids", rows.Select(r => (long)r.Id).ToArray()),
        ("generations", rows.Select(r => r.Generation).ToArray()),
        ("set_ids", rows.Select(r => r.SetId).ToArray()),
        ("states", rows.Select(r => r.State).ToArray()),
        ("refs", rows.Select(r => r.Refs).ToArray()),
        ("holders", rows.Select(r => JsonSerializer.Serialize(r.Holders, LedgerJson.Options)).ToArray()),
        ("spids", rows.Select(r => r.Spid is { } s ? (long?)s : null).ToArray()),
        ("privates", rows.Select(r => r.Private).ToArray()));

    private static NpgsqlBatchCommand Sets(string pool, IReadOnlyList<SetView> rows) => Command(ReadModelSql.UpsertSets,
        ("pool", pool),
        ("set_ids", rows.Select(r => r.SetId).ToArray()),
        ("types", rows.Select(r => r.Type).ToArray()),
        ("tokens", rows.Select(r => r.Token).ToArray()),
        ("quotas", rows.Select(r => r.Quota).ToArray()),
        ("counts", rows.Select(r => r.Count).ToArray()),
        ("states", rows.Select(r => r.State).ToArray()));

    private static NpgsqlBatchCommand Notifiers(string pool, IReadOnlyList<NotifierView> rows) => Command(ReadModelSql.UpsertNotifiers,
        ("pool", pool),
        ("ids", rows.Select(r => r.NotifierId).ToArray()),
        ("names", rows.Select(r => r.Name).ToArray()),
        ("scopes", rows.Select(r => r.Scope).ToArray()),
        ("set_ids", rows.Select(r => r.SetId).ToArray()),
        ("tokens", rows.Select(r => r.Token).ToArray()),
        ("priorities", rows.Select(r => r.Priority).ToArray()),
        ("ranks", rows.Select(r => PriorityRank(r.Priority)).ToArray()),
        ("endpoints", rows.Select(r => r.Endpoint).ToArray()),
        ("reactions", rows.Select(r => r.ReactionsJson).ToArray()),
        ("actives", rows.Select(r => r.Active).ToArray()),
        ("orders", rows.Select(r => r.ChainOrder).ToArray()));

    /// <summary>Header values of <c>ioasid_notifier_prios</c> (D10), for ordering chains in SQL.</summary>
    public static int PriorityRank(string priority) => priority switch
    {
        "cpu" => 3,
        "iommu" => 2,
        "device" => 1,
        _ => 0,
    };

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }
}
