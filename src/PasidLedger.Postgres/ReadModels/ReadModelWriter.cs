using Npgsql;
using NpgsqlTypes;
using PasidLedger.Application.ReadModels;

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
        var commands = new List<NpgsqlBatchCommand>(8) { ReadModelStatements.Capacity(changes.Capacity) };
        var pool = changes.Capacity.Pool;
        var (rows, removed) = (changes.Ioasids, changes.RemovedIoasids);
        // A statement with nothing to do is left out: each one costs the server an execution.
        if (rows.Count + removed.Count > 0)
        {
            var touched = new long[rows.Count + removed.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                touched[i] = rows[i].Id;
            }

            for (var i = 0; i < removed.Count; i++)
            {
                touched[rows.Count + i] = removed[i];
            }

            commands.Add(ReadModelStatements.ByIds(ReadModelSql.DeleteSpids, pool, NpgsqlDbType.Bigint, touched));
            if (removed.Count > 0)
            {
                commands.Add(ReadModelStatements.ByIds(ReadModelSql.DeleteIoasids, pool, NpgsqlDbType.Bigint, touched[rows.Count..]));
            }
        }

        if (rows.Count > 0)
        {
            commands.Add(ReadModelStatements.Ioasids(pool, rows));
            if (ReadModelStatements.Spids(pool, rows) is { } spids)
            {
                commands.Add(spids);
            }
        }

        if (changes.Sets.Count > 0)
        {
            commands.Add(ReadModelStatements.Sets(pool, changes.Sets));
        }

        if (changes.RemovedNotifiers.Count > 0)
        {
            commands.Add(ReadModelStatements.ByIds(ReadModelSql.DeleteNotifiers, pool, NpgsqlDbType.Integer, changes.RemovedNotifiers.ToArray()));
        }

        if (changes.Notifiers.Count > 0)
        {
            commands.Add(ReadModelStatements.Notifiers(pool, changes.Notifiers));
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

    /// <summary>Header values of <c>ioasid_notifier_prios</c> (D10), for ordering chains in SQL.</summary>
    public static int PriorityRank(string priority) => priority switch
    {
        "cpu" => 3,
        "iommu" => 2,
        "device" => 1,
        _ => 0,
    };
}
